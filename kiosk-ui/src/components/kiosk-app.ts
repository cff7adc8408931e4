/**
 * The kiosk shell: top bar, the current screen, nothing else. Holds the stores through
 * StoreControllers and hands the state down; every touch restarts the idle countdown.
 */
import { css, html, LitElement } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { KioskFlow } from '../stores/kiosk-flow';
import type { KioskState } from '../stores/kiosk-state';
import { kioskTheme } from '../styles/kiosk-styles';
import type { KioskI18n } from './kiosk-screen';
import './kiosk-top-bar';
import './kiosk-home';
import './kiosk-zone-list';
import './kiosk-matter-list';
import './kiosk-options';
import './kiosk-ticket';
import './kiosk-checkin';
import './kiosk-notice';

export class KioskApp extends LitElement {
  static override properties = { elderly: { type: Boolean, reflect: true } };
  declare elderly: boolean;
  private readonly stateCtl: StoreController<KioskState>;
  private readonly langCtl: StoreController<string>;
  private readonly onTouch = () => this.flow.touch();

  constructor(
    private readonly flow: KioskFlow,
    private readonly i18n: KioskI18n,
  ) {
    super();
    this.elderly = false;
    this.stateCtl = new StoreController(this, flow.state);
    this.langCtl = new StoreController(this, i18n.lang);
  }

  static override styles = [
    tokens,
    kioskTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        background: var(--k-bg);
        color: var(--k-text);
        overflow: hidden;
      }
      main {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        padding: var(--k-pad);
      }
      main {
        display: flex;
        flex-direction: column;
      }
      main > * {
        flex: 1 0 auto;
        width: 100%;
        max-width: 1600px;
        margin: 0 auto;
      }
      .banner {
        background: var(--k-warn);
        color: #fff;
        font-size: var(--k-font-sm);
        padding: 8px var(--k-pad);
        text-align: center;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerdown', this.onTouch);
    this.addEventListener('keydown', this.onTouch);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.onTouch);
    this.removeEventListener('keydown', this.onTouch);
  }

  protected override willUpdate(): void {
    this.elderly = this.stateCtl.value.elderly;
  }

  private screen(v: KioskState, lang: string) {
    const p = { view: v, flow: this.flow, i18n: this.i18n };
    switch (v.screen) {
      case 'home':
        return html`<kiosk-home .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-home>`;
      case 'zone':
        return html`<kiosk-zone-list .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-zone-list>`;
      case 'matter':
        return html`<kiosk-matter-list .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-matter-list>`;
      case 'options':
        return html`<kiosk-options .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-options>`;
      case 'ticket':
        return html`<kiosk-ticket .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-ticket>`;
      case 'checkin':
        return html`<kiosk-checkin .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-checkin>`;
      default:
        return html`<kiosk-notice .view=${p.view} .flow=${p.flow} .i18n=${p.i18n} .locale=${lang}></kiosk-notice>`;
    }
  }

  override render() {
    const v = this.stateCtl.value;
    const lang = this.langCtl.value;
    return html`<kiosk-top-bar .view=${v} .flow=${this.flow} .i18n=${this.i18n} .locale=${lang}></kiosk-top-bar>
      ${v.offline && v.screen !== 'boot_error' ? html`<div class="banner" role="status">${this.i18n.t('offline_banner')}</div>` : ''}
      <main data-screen=${v.screen}>${this.screen(v, lang)}</main>`;
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
