/** Building blocks shared by the workstation's components, on top of the ui-shared tokens. */
import { css } from 'lit';

export const shared = css`
  :host {
    --yc-ok-bg: #e6f4ea;
    --yc-warn-bg: #fdf1dc;
    --yc-bad-bg: #fbe7e7;
    --yc-accent-bg: #e8f0fa;
    --yc-selected: #dce9f8;
    --yc-shadow: 0 1px 2px rgba(27, 36, 48, 0.06), 0 1px 6px rgba(27, 36, 48, 0.05);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .panel {
    background: var(--yc-surface, #fff);
    border: 1px solid var(--yc-border, #d5dbe3);
    border-radius: var(--yc-radius, 10px);
    box-shadow: var(--yc-shadow);
  }
  .panel-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--yc-space-2, 8px);
    padding: var(--yc-space-3, 16px) var(--yc-space-3, 16px) var(--yc-space-2, 8px);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
    letter-spacing: 0.02em;
  }
  .muted {
    color: var(--yc-muted, #5b6675);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--yc-space-2, 8px);
    min-height: 44px;
    padding: 0 var(--yc-space-3, 16px);
    border: 1px solid var(--yc-border, #d5dbe3);
    border-radius: 8px;
    background: var(--yc-surface, #fff);
    color: var(--yc-text, #1b2430);
    font-size: 0.95rem;
    transition: background 0.12s, border-color 0.12s;
  }
  .btn:hover:not(:disabled) {
    border-color: var(--yc-accent, #0b5cad);
    background: var(--yc-accent-bg);
  }
  .btn:focus-visible,
  .row:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid rgba(11, 92, 173, 0.45);
    outline-offset: 1px;
  }
  .btn:disabled {
    cursor: not-allowed;
    color: #9aa3ae;
    background: #f3f5f7;
    border-color: #e3e7ec;
  }
  .btn.primary {
    background: var(--yc-accent, #0b5cad);
    border-color: var(--yc-accent, #0b5cad);
    color: #fff;
  }
  .btn.primary:hover:not(:disabled) {
    background: #094d92;
  }
  .btn.primary:disabled {
    background: #b8c9dc;
    border-color: #b8c9dc;
    color: #fff;
  }
  .btn.danger:not(:disabled) {
    color: var(--yc-bad, #c62828);
    border-color: #e9b4b4;
  }
  kbd {
    font: 600 0.72rem/1 ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    padding: 3px 5px;
    border-radius: 4px;
    border: 1px solid currentColor;
    opacity: 0.75;
  }
  .level-ok {
    color: var(--yc-ok, #1b7f3b);
    background: var(--yc-ok-bg);
  }
  .level-warn {
    color: var(--yc-warn, #b86e00);
    background: var(--yc-warn-bg);
  }
  .level-over {
    color: var(--yc-bad, #c62828);
    background: var(--yc-bad-bg);
    font-weight: 700;
  }
  .tag {
    display: inline-block;
    padding: 1px 6px;
    border-radius: 4px;
    font-size: 0.75rem;
    background: var(--yc-accent-bg);
    color: var(--yc-accent, #0b5cad);
    white-space: nowrap;
  }
  .tag.priority {
    background: #fdecea;
    color: var(--yc-primary, #b71c1c);
  }
  .tabular {
    font-variant-numeric: tabular-nums;
  }
  label {
    display: block;
    font-size: 0.9rem;
    font-weight: 600;
    margin-bottom: var(--yc-space-1, 4px);
  }
  input,
  select,
  textarea {
    font: inherit;
    width: 100%;
    padding: 10px 12px;
    border: 1px solid var(--yc-border, #d5dbe3);
    border-radius: 8px;
    background: #fff;
    color: inherit;
  }
  .problem {
    color: var(--yc-bad, #c62828);
    font-size: 0.9rem;
    margin: var(--yc-space-2, 8px) 0 0;
  }
`;
