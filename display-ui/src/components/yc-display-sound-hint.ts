/** When the browser keeps sound off until someone touches the screen, say so (the screen stays usable). */
import { LitElement, css, html } from 'lit';
import { displayTheme } from '../styles/display-theme';

export class YcDisplaySoundHint extends LitElement {
  static override properties = {
    visible: { type: Boolean, reflect: true },
    text: { attribute: false },
  };
  declare visible: boolean;
  declare text: string;

  constructor() {
    super();
    this.visible = false;
    this.text = '';
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        display: none;
        position: fixed;
        right: calc(var(--u) * 24);
        bottom: calc(var(--u) * 140);
        z-index: 10;
        background: var(--yc-ticket);
        color: #000;
        font-size: calc(var(--u) * 34);
        font-weight: 700;
        padding: calc(var(--u) * 10) calc(var(--u) * 26);
        border-radius: calc(var(--u) * 12);
      }
      :host([visible]) {
        display: block;
      }
    `,
  ];

  override render() {
    return html`${this.text}`;
  }
}

customElements.define('yc-display-sound-hint', YcDisplaySoundHint);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-sound-hint': YcDisplaySoundHint;
  }
}
