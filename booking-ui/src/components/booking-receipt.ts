/** A booking as the visitor keeps it: code, QR code (booking code only), slot, masked details, deadlines. */
import { css, html, LitElement, nothing } from 'lit';
import type { BookingReceipt } from '../../../server/protocol/appointments';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { BookingI18n, BookingKey } from '../i18n/messages';
import { bookingTheme } from '../styles/booking-styles';

export class BookingReceiptCard extends LitElement {
  static override properties = { receipt: { attribute: false }, i18n: { attribute: false } };
  declare receipt: BookingReceipt | null;
  declare i18n: BookingI18n;

  constructor() {
    super();
    this.receipt = null;
  }

  static override styles = [
    tokens,
    bookingTheme,
    css`
      .code {
        font-size: 2rem;
        font-weight: 700;
        letter-spacing: 0.2em;
        text-align: center;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
      }
      img {
        display: block;
        width: 200px;
        height: 200px;
        margin: var(--yc-space-3, 16px) auto;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--yc-space-1, 4px) var(--yc-space-3, 16px);
        margin: 0;
      }
      dt {
        color: var(--yc-muted, #5b6675);
      }
      dd {
        margin: 0;
      }
    `,
  ];

  private time(iso: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.i18n.lang.get(), { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  }

  override render() {
    const r = this.receipt;
    if (!r) return nothing;
    const a = r.appointment;
    // The SVG comes from our server and holds only the booking code; shown as an image, never as markup.
    const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.qrSvg)}`;
    return html`<div class="card">
      <div class="muted">${this.i18n.t('code_label')}</div>
      <div class="code">${a.code}</div>
      ${a.status === 'booked' ? html`<img src=${qr} alt=${a.code} />` : nothing}
      <dl>
        <dt>${this.i18n.t('hall')}</dt>
        <dd>${a.hallName}</dd>
        <dt>${this.i18n.t('matter')}</dt>
        <dd>${a.matterName}</dd>
        <dt>${this.i18n.t('when')}</dt>
        <dd>${a.date} ${a.slotLabel}</dd>
        <dt>${this.i18n.t('visitor')}</dt>
        <dd>${a.idMasked} · ${a.phoneMasked}</dd>
      </dl>
      <p><strong>${this.i18n.t(`status_${a.status}` as BookingKey)}</strong></p>
      ${a.status === 'booked'
        ? html`<p class="muted">${this.i18n.t('code_hint')}</p>
            <p class="muted">${this.i18n.t('checkin_until', { t: this.time(a.checkInUntil, a.timeZone) })}</p>
            <p class="muted">${this.i18n.t('cancel_until', { t: this.time(a.cancelUntil, a.timeZone) })}</p>`
        : nothing}
    </div>`;
  }
}

customElements.define('booking-receipt', BookingReceiptCard);
