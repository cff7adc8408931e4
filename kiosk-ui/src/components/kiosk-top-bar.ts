/** The always-visible bar: hall name, clock, and the two big toggles (large text, language). */
import { css, html } from 'lit';
import { kioskBase } from '../styles/kiosk-styles';
import { KioskScreen } from './kiosk-screen';

export class KioskTopBar extends KioskScreen {
  static override properties = { ...KioskScreen.properties, now: { state: true } };
  declare now: Date;
  private clock: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.now = new Date();
  }

  static override styles = [
    kioskBase,
    css`
      header {
        display: flex;
        align-items: center;
        gap: var(--k-gap);
        padding: 12px var(--k-pad);
        background: var(--k-primary);
        color: var(--k-primary-text);
      }
      .hall {
        flex: 1;
        min-width: 0;
      }
      .hall strong {
        display: block;
        font-size: var(--k-font-lg);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .clock {
        font-size: var(--k-font);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      button {
        background: transparent;
        color: var(--k-primary-text);
        border: 3px solid var(--k-primary-text);
        font-weight: 700;
        white-space: nowrap;
      }
      button[aria-pressed='true'] {
        background: var(--k-primary-text);
        color: var(--k-primary);
      }
      .toggle-sub {
        display: block;
        font-size: var(--k-font-sm);
        font-weight: 400;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => (this.now = new Date()), 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  override render() {
    const v = this.view;
    const tz = v.hall?.timeZone ?? 'Asia/Shanghai';
    const time = new Intl.DateTimeFormat(this.locale, { timeZone: tz, month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(this.now);
    return html`<header>
      <div class="hall">
        <strong>${v.hall?.name ?? this.t('app_title')}</strong>
        <span class="clock">${time}</span>
      </div>
      <button id="elderly-toggle" aria-pressed=${v.elderly ? 'true' : 'false'} @click=${() => this.flow.toggleElderly()}>
        ${v.elderly ? '✓ ' : ''}${this.t('elderly_on')}<span class="toggle-sub">${this.t('elderly_hint')}</span>
      </button>
      <button id="lang-toggle" lang=${this.locale === 'en' ? 'zh-CN' : 'en'} @click=${() => this.i18n.setLang(this.locale === 'en' ? 'zh-CN' : 'en')}>
        ${this.t('lang_toggle')}
      </button>
    </header>`;
  }
}

customElements.define('kiosk-top-bar', KioskTopBar);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-top-bar': KioskTopBar;
  }
}
