/** The booking page's look: phone-first, large touch targets, shared tokens with fallbacks. */
import { css } from 'lit';

export const bookingTheme = css`
  :host {
    --b-gap: var(--yc-space-3, 16px);
    --b-radius: var(--yc-radius, 10px);
    --b-touch: 48px;
  }
  button {
    font: inherit;
    min-height: var(--b-touch);
    border-radius: var(--b-radius);
    border: 1px solid var(--yc-border, #d5dbe3);
    background: var(--yc-surface, #fff);
    color: inherit;
    padding: 0 var(--b-gap);
    cursor: pointer;
  }
  button.primary {
    background: var(--yc-primary, #b71c1c);
    border-color: var(--yc-primary, #b71c1c);
    color: var(--yc-primary-text, #fff);
    font-weight: 600;
    width: 100%;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--yc-accent, #0b5cad);
    outline-offset: 2px;
  }
  .card {
    background: var(--yc-surface, #fff);
    border: 1px solid var(--yc-border, #d5dbe3);
    border-radius: var(--b-radius);
    padding: var(--b-gap);
  }
  .muted {
    color: var(--yc-muted, #5b6675);
    font-size: 0.9rem;
  }
  .error {
    color: var(--yc-bad, #c62828);
  }
`;
