/** Shared dashboard styles: panels, tables, buttons, state colours (tokens from ui-shared). */
import { css } from 'lit';

export const dash = css`
  :host {
    --dash-warn-bg: #fff4e0;
    --dash-bad-bg: #fdecea;
    --dash-ok-bg: #e7f5ec;
    box-sizing: border-box;
  }
  * {
    box-sizing: border-box;
  }
  .panel {
    background: var(--yc-surface);
    border: 1px solid var(--yc-border);
    border-radius: var(--yc-radius);
    padding: var(--yc-space-3);
  }
  h2 {
    margin: 0 0 var(--yc-space-2);
    font-size: 1.05rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.92rem;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid var(--yc-border);
    white-space: nowrap;
  }
  th {
    color: var(--yc-muted);
    font-weight: 600;
    font-size: 0.85rem;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--yc-muted);
  }
  .ok {
    color: var(--yc-ok);
  }
  .warn {
    color: var(--yc-warn);
  }
  .bad {
    color: var(--yc-bad);
  }
  tr.at_risk {
    background: var(--dash-warn-bg);
  }
  tr.breached {
    background: var(--dash-bad-bg);
  }
  .btn {
    font: inherit;
    font-size: 0.9rem;
    padding: 5px 12px;
    border-radius: 6px;
    border: 1px solid var(--yc-border);
    background: var(--yc-surface);
    color: var(--yc-text);
    cursor: pointer;
  }
  .btn:hover {
    border-color: var(--yc-accent);
  }
  .btn.primary {
    background: var(--yc-accent);
    border-color: var(--yc-accent);
    color: #fff;
  }
  .btn:disabled {
    opacity: 0.5;
    cursor: default;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 6px 8px;
    border: 1px solid var(--yc-border);
    border-radius: 6px;
    background: #fff;
  }
  label {
    display: block;
    font-size: 0.85rem;
    color: var(--yc-muted);
    margin-bottom: 4px;
  }
  .problem {
    color: var(--yc-bad);
  }
  .tag {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 0.78rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }
`;
