/** A manager's notice on the wall display, in its own row under the waiting counts (large, calm, no personal data). */
import { LitElement, css, html } from 'lit';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayNotice extends LitElement {
  static override properties = { text: { attribute: false } };
  declare text: string;

  constructor() {
    super();
    this.text = '';
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      div {
        padding: calc(var(--u) * 14) calc(var(--u) * 32);
        border-radius: var(--yc-radius);
        background: #fff3c4;
        color: #1b1400;
        font-size: calc(var(--u) * 42);
        font-weight: 700;
        line-height: 1.3;
        text-align: center;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    return html`<div role="status" data-testid="display-notice">${this.text}</div>`;
  }
}

customElements.define('yc-display-notice', YcDisplayNotice);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-notice': YcDisplayNotice;
  }
}
