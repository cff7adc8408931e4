/** A QR code drawn in the browser (qrcode → SVG → <img>): no network, no HTML injection. */
import { css, html, LitElement } from 'lit';
import QRCode from 'qrcode';

export class KioskQr extends LitElement {
  static override properties = { text: {}, label: {}, src: { state: true } };
  declare text: string;
  declare label: string;
  declare src: string;

  constructor() {
    super();
    this.text = '';
    this.label = '';
    this.src = '';
  }

  static override styles = css`
    :host {
      display: inline-block;
    }
    img {
      display: block;
      width: 100%;
      height: 100%;
      image-rendering: pixelated;
    }
  `;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('text')) return;
    const text = this.text;
    if (!text) {
      this.src = '';
      return;
    }
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => {
        if (this.text === text) this.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      },
      () => {
        if (this.text === text) this.src = '';
      },
    );
  }

  override render() {
    return this.src ? html`<img alt=${this.label} src=${this.src} />` : '';
  }
}

customElements.define('kiosk-qr', KioskQr);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-qr': KioskQr;
  }
}
