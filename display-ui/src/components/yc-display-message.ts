/** A full-screen notice: no token, token refused, loading, unknown zone or counter. */
import { LitElement, css, html } from 'lit';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayMessage extends LitElement {
  static override properties = {
    heading: { attribute: false },
    body: { attribute: false },
    tone: { reflect: true },
  };
  declare heading: string;
  declare body: string;
  declare tone: 'info' | 'error';

  constructor() {
    super();
    this.heading = '';
    this.body = '';
    this.tone = 'info';
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        position: fixed;
        inset: 0;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: calc(var(--u) * 40);
        background: var(--yc-bg);
        padding: calc(var(--u) * 80);
        box-sizing: border-box;
        text-align: center;
      }
      h1 {
        margin: 0;
        font-size: calc(var(--u) * 110);
        font-weight: 800;
        color: var(--yc-text);
      }
      :host([tone='error']) h1 {
        color: var(--yc-ticket);
      }
      p {
        margin: 0;
        max-width: calc(var(--u) * 1500);
        font-size: calc(var(--u) * 44);
        line-height: 1.5;
        color: var(--yc-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    return html`<h1 role="alert">${this.heading}</h1>${this.body ? html`<p>${this.body}</p>` : null}`;
  }
}

customElements.define('yc-display-message', YcDisplayMessage);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-message': YcDisplayMessage;
  }
}
