/**
 * The matter's guide page (办事指南, /g/<matterId>) as a QR the visitor scans with their phone: the
 * kiosk is a touch screen and cannot hand over a link, so what to bring goes home on the phone.
 */
import { css, html, LitElement } from 'lit';
import './kiosk-qr';

export class KioskGuideQr extends LitElement {
  static override properties = { url: {}, caption: {} };
  declare url: string;
  declare caption: string;

  constructor() {
    super();
    this.url = '';
    this.caption = '';
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
      flex: 0 0 auto;
      max-width: 50%;
    }
    kiosk-qr {
      width: var(--guide-qr-size, 150px);
      height: var(--guide-qr-size, 150px);
      flex: 0 0 var(--guide-qr-size, 150px);
      background: #fff;
    }
    p {
      margin: 0;
      font-size: var(--k-font-sm, 22px);
      line-height: 1.35;
      color: var(--k-muted, #4b5563);
    }
  `;

  override render() {
    return html`<kiosk-qr data-guide-qr=${this.url} .text=${this.url} label=${this.caption}></kiosk-qr><p>${this.caption}</p>`;
  }
}

customElements.define('kiosk-guide-qr', KioskGuideQr);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-guide-qr': KioskGuideQr;
  }
}
