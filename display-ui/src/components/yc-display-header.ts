/** Hall name (and zone), connection badge, date and clock in the hall's time zone, and the language switch. */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../../ui-shared/src/i18n';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayHeader extends LitElement {
  static override properties = {
    hallName: { attribute: false },
    zoneName: { attribute: false },
    timeZone: { attribute: false },
    lang: { attribute: false },
    now: { attribute: false },
    offlineText: { attribute: false },
  };
  declare hallName: string;
  declare zoneName: string | null;
  declare timeZone: string;
  declare lang: Lang;
  declare now: Date;
  /** Shown as a red badge while the display is disconnected; null when online. */
  declare offlineText: string | null;

  static override styles = [
    displayTheme,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto auto auto;
        align-items: center;
        gap: calc(var(--u) * 32);
        height: 100%;
      }
      .name {
        font-size: calc(var(--u) * 60);
        font-weight: 800;
        letter-spacing: 0.04em;
      }
      .zone {
        color: var(--yc-counter);
        margin-left: calc(var(--u) * 24);
      }
      .offline {
        font-size: calc(var(--u) * 38);
        font-weight: 700;
        background: var(--yc-bad);
        color: #fff;
        padding: calc(var(--u) * 8) calc(var(--u) * 28);
        border-radius: calc(var(--u) * 40);
        white-space: nowrap;
        animation: pulse 2s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.65;
        }
      }
      .clock {
        display: flex;
        align-items: baseline;
        gap: calc(var(--u) * 24);
        white-space: nowrap;
      }
      .date {
        font-size: calc(var(--u) * 36);
        color: var(--yc-muted);
      }
      .lang {
        font: inherit;
        font-size: calc(var(--u) * 28);
        font-weight: 700;
        color: var(--yc-muted);
        background: transparent;
        border: calc(var(--u) * 2) solid var(--yc-border);
        border-radius: calc(var(--u) * 10);
        padding: calc(var(--u) * 6) calc(var(--u) * 14);
        cursor: pointer;
        white-space: nowrap;
      }
      .time {
        font-family: var(--yc-number);
        font-size: calc(var(--u) * 64);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  override render() {
    const opts = { timeZone: this.timeZone };
    const other: Lang = this.lang === 'en' ? 'zh-CN' : 'en';
    const date = new Intl.DateTimeFormat(this.lang, { ...opts, month: 'long', day: 'numeric', weekday: 'long' }).format(this.now);
    const time = new Intl.DateTimeFormat('en-GB', { ...opts, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(this.now);
    return html`
      <div class="name ellipsis">${this.hallName}${this.zoneName ? html`<span class="zone">${this.zoneName}</span>` : null}</div>
      <div>${this.offlineText ? html`<span class="offline" role="status" data-testid="offline">${this.offlineText}</span>` : null}</div>
      <div class="clock"><span class="date">${date}</span><span class="time" data-testid="clock">${time}</span></div>
      <button class="lang" data-testid="lang-switch" lang=${other} @click=${() => this.dispatchEvent(new CustomEvent<Lang>('lang-change', { detail: other, bubbles: true, composed: true }))}>
        ${other === 'en' ? 'EN' : '中文'}
      </button>
    `;
  }
}

customElements.define('yc-display-header', YcDisplayHeader);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-header': YcDisplayHeader;
  }
}
