/** What the staff-tool dialogs add to the desk's dialog look. */
import { css } from 'lit';

export const staffToolStyles = css`
  .ok {
    color: var(--yc-ok, #1b7f3b);
    font-weight: 600;
  }
  /* The visitor may already hold the ticket: staff check before 确认补打. */
  .warn {
    color: #7a4500;
    background: #fdf0e0;
    border-left: 4px solid var(--yc-warn, #b86e00);
    padding: 8px 12px;
    margin: var(--yc-space-2, 8px) 0 0;
    font-weight: 600;
  }
  dialog.wide {
    width: min(960px, calc(100vw - 32px));
  }
  .table-wrap {
    max-height: min(460px, calc(100vh - 260px));
    overflow: auto;
    border: 1px solid var(--yc-border);
    border-radius: var(--yc-radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    padding: 6px 10px;
    border-bottom: 1px solid var(--yc-border);
    vertical-align: top;
  }
  th {
    position: sticky;
    top: 0;
    background: var(--yc-surface, #fff);
  }
  td.code {
    font-family: ui-monospace, monospace;
  }
`;
