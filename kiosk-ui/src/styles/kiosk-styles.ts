/**
 * Kiosk look, on top of the ui-shared tokens: warm and plain, large type, touch targets of at
 * least 64 px (96 px in the large-text, high-contrast mode set on <kiosk-app elderly>). The size
 * variables are inherited by every screen through the shadow roots.
 */
import { css } from 'lit';

/** Set once on <kiosk-app>; the screens only read the variables. */
export const kioskTheme = css`
  :host {
    --k-bg: #fbf6ee;
    --k-surface: var(--yc-surface, #fff);
    --k-text: var(--yc-text, #1b2430);
    --k-muted: var(--yc-muted, #5b6675);
    --k-primary: var(--yc-primary, #b71c1c);
    --k-primary-text: var(--yc-primary-text, #fff);
    --k-accent: var(--yc-accent, #0b5cad);
    --k-ok: var(--yc-ok, #1b7f3b);
    --k-bad: var(--yc-bad, #c62828);
    --k-warn: var(--yc-warn, #b86e00);
    --k-line: var(--yc-border, #d5dbe3);
    --k-border: 2px solid var(--k-line);
    --k-radius: 14px;
    --k-touch: 64px;
    --k-font: 24px;
    --k-font-sm: 20px;
    --k-font-lg: 32px;
    --k-font-xl: 44px;
    --k-gap: var(--yc-space-3, 16px);
    --k-pad: var(--yc-space-4, 24px);
  }
  :host([elderly]) {
    --k-bg: #ffffff;
    --k-surface: #ffffff;
    --k-text: #000000;
    --k-muted: #1a1a1a;
    --k-primary: #8e0000;
    --k-accent: #003f8a;
    --k-ok: #0b5d1e;
    --k-bad: #a00000;
    --k-line: #000000;
    --k-border: 3px solid #000000;
    --k-touch: 96px;
    --k-font: 34px;
    --k-font-sm: 28px;
    --k-font-lg: 44px;
    --k-font-xl: 60px;
  }
`;

/** Shared by every screen. */
export const kioskBase = css`
  :host {
    display: block;
    font-size: var(--k-font);
    color: var(--k-text);
    line-height: 1.4;
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  p {
    margin: 0;
  }
  h1 {
    font-size: var(--k-font-xl);
    font-weight: 700;
    text-align: center;
  }
  h2 {
    font-size: var(--k-font-lg);
    font-weight: 700;
  }
  .muted {
    color: var(--k-muted);
  }
  button {
    font: inherit;
    color: inherit;
    min-height: var(--k-touch);
    min-width: var(--k-touch);
    border-radius: var(--k-radius);
    border: var(--k-border);
    background: var(--k-surface);
    padding: 8px 24px;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
    user-select: none;
  }
  button:active:not(:disabled) {
    transform: translateY(2px);
    filter: brightness(0.95);
  }
  button:focus-visible {
    outline: 4px solid var(--k-accent);
    outline-offset: 3px;
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .primary {
    background: var(--k-primary);
    border-color: var(--k-primary);
    color: var(--k-primary-text);
    font-weight: 700;
  }
  .big {
    min-height: calc(var(--k-touch) * 1.5);
    font-size: var(--k-font-lg);
  }
  .row {
    display: flex;
    gap: var(--k-gap);
    flex-wrap: wrap;
    align-items: center;
  }
  .actions {
    display: flex;
    gap: var(--k-gap);
    justify-content: center;
    flex-wrap: wrap;
    margin-top: var(--k-pad);
  }
  .message-bad {
    color: var(--k-bad);
    font-weight: 700;
  }
  .message-ok {
    color: var(--k-ok);
    font-weight: 700;
  }
  .card {
    background: var(--k-surface);
    border: var(--k-border);
    border-radius: var(--k-radius);
    padding: var(--k-pad);
  }
`;

/** The head of a step screen (KioskScreen.renderHead): ‹ back, the title centred, a hidden spacer balancing it. */
export const kioskScreenHead = css`
  .head {
    display: flex;
    align-items: center;
    gap: var(--k-gap);
    margin-bottom: var(--k-gap);
  }
  .head h2 {
    flex: 1;
    text-align: center;
    font-size: var(--k-font-xl);
  }
  .spacer {
    min-width: var(--k-touch);
    visibility: hidden;
  }
`;
