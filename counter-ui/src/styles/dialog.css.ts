/** The modal dialogs of the desk (native <dialog>, so focus and Escape behave). */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    width: min(560px, calc(100vw - 32px));
    border: 0;
    border-radius: 12px;
    padding: 0;
    color: var(--yc-text);
    box-shadow: 0 12px 48px rgba(27, 36, 48, 0.25);
  }
  dialog::backdrop {
    background: rgba(27, 36, 48, 0.35);
  }
  form {
    padding: var(--yc-space-4);
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 var(--yc-space-3);
  }
  .field {
    margin-bottom: var(--yc-space-3);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--yc-space-2);
  }
  .choices .btn[aria-pressed='true'] {
    background: var(--yc-selected);
    border-color: var(--yc-accent);
    color: var(--yc-accent);
    font-weight: 600;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--yc-space-2);
    margin-top: var(--yc-space-4);
  }
  .choices.quick {
    margin-bottom: var(--yc-space-2);
  }
  .choices.quick .btn {
    min-height: 34px;
    font-size: 0.85rem;
  }
  textarea {
    resize: vertical;
    min-height: 72px;
  }
`;
