/** An on-screen keypad: large keys in a grid, one `kiosk-key` event per press. */
import { css, html, LitElement } from 'lit';
import { kioskBase } from '../styles/kiosk-styles';

export interface PadKeyDef {
  key: string;
  label: string;
  disabled?: boolean;
  /** Columns the key spans (default 1). */
  span?: number;
}

export class KioskKeypad extends LitElement {
  static override properties = {
    keys: { attribute: false },
    columns: { type: Number },
    label: {},
  };

  declare keys: PadKeyDef[];
  declare columns: number;
  declare label: string;

  constructor() {
    super();
    this.keys = [];
    this.columns = 3;
    this.label = '';
  }

  static override styles = [
    kioskBase,
    css`
      .pad {
        display: grid;
        gap: 12px;
      }
      button {
        font-size: var(--k-font-lg);
        font-weight: 700;
        padding: 0;
        background: #fff;
      }
      .fn {
        font-size: var(--k-font);
        background: #f1ece4;
      }
    `,
  ];

  private press(key: string): void {
    this.dispatchEvent(new CustomEvent<string>('kiosk-key', { detail: key, bubbles: true, composed: true }));
  }

  override render() {
    return html`<div class="pad" role="group" aria-label=${this.label} style="grid-template-columns: repeat(${this.columns}, 1fr)">
      ${this.keys.map(
        (k) => html`<button
          class=${k.key.length > 1 ? 'fn' : ''}
          style=${k.span ? `grid-column: span ${k.span}` : ''}
          data-key=${k.key}
          ?disabled=${k.disabled ?? false}
          @click=${() => this.press(k.key)}
        >
          ${k.label}
        </button>`,
      )}
    </div>`;
  }
}

customElements.define('kiosk-keypad', KioskKeypad);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-keypad': KioskKeypad;
  }
}
