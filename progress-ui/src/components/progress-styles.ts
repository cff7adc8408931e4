/** The phone page's look: phone-first, large type, shared tokens with fallbacks. */
import { css } from 'lit';

export const progressTheme = css`
  .card {
    background: var(--yc-surface, #fff);
    border: 1px solid var(--yc-border, #d5dbe3);
    border-radius: var(--yc-radius, 10px);
    padding: var(--yc-space-3, 16px);
    margin-top: var(--yc-space-3, 16px);
  }
  h2 {
    font-size: 1.15rem;
    margin: 0 0 var(--yc-space-2, 8px);
  }
  .muted {
    color: var(--yc-muted, #5b6675);
    font-size: 0.9rem;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 12px;
    margin: 0;
  }
  dt {
    color: var(--yc-muted, #5b6675);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** 'YYYY-MM-DD HH:MM' on the hall's clock. */
export function hallDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
