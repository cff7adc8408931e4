/** Admin console styles: the dashboard's panels, tables and buttons, plus form grids. */
import { css } from 'lit';
export { dash as adminBase } from '../../../dashboard-ui/src/styles/dash.css';

export const adminForms = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    gap: var(--yc-space-3);
    align-items: start;
  }
  .field input:not([type='checkbox']),
  .field select,
  .field textarea {
    width: 100%;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .field .err {
    color: var(--yc-bad);
    font-size: 0.8rem;
    margin-top: 2px;
  }
  .field.invalid input,
  .field.invalid select,
  .field.invalid textarea {
    border-color: var(--yc-bad);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    max-height: 150px;
    overflow: auto;
    border: 1px solid var(--yc-border);
    border-radius: 6px;
    padding: 6px 8px;
    background: #fff;
  }
  .checks label,
  label.inline {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    color: var(--yc-text);
    font-size: 0.9rem;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--yc-border);
    border-radius: 8px;
    margin: 0;
    padding: var(--yc-space-2) var(--yc-space-3) var(--yc-space-3);
    grid-column: 1 / -1;
  }
  legend {
    font-weight: 600;
    padding: 0 6px;
  }
  .actions {
    display: flex;
    gap: var(--yc-space-2);
    margin-top: var(--yc-space-3);
    align-items: center;
  }
  .page-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--yc-space-3);
    margin-bottom: var(--yc-space-3);
  }
  .page-head h1 {
    font-size: 1.25rem;
    margin: 0;
  }
  .stack {
    display: grid;
    gap: var(--yc-space-3);
  }
  .note {
    background: var(--dash-warn-bg);
    padding: 8px 12px;
    border-radius: 6px;
    margin: 0;
  }
  .okbox {
    background: var(--dash-ok-bg);
    padding: 8px 12px;
    border-radius: 6px;
    margin: 0;
    word-break: break-all;
  }
  td.wrap {
    white-space: normal;
    max-width: 380px;
    overflow-wrap: anywhere;
  }
  .row-actions {
    display: flex;
    gap: 6px;
  }
  code {
    font-size: 0.85rem;
  }
`;
