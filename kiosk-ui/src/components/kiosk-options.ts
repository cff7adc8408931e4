/** Step 3: confirm the matter, optionally enter an ID number and choose a green channel, take the ticket. */
import { css, html, nothing } from 'lit';
import { guidePageUrl } from '../../../server/protocol/rules';
import { selectedMatter, type VisitorGreenChannel } from '../stores/kiosk-state';
import { kioskBase, kioskScreenHead } from '../styles/kiosk-styles';
import type { KioskMessageKey } from '../i18n/messages';
import './kiosk-guide-qr';
import './kiosk-id-field';
import { KioskScreen } from './kiosk-screen';

const CHANNELS: { value: VisitorGreenChannel | null; key: KioskMessageKey }[] = [
  { value: null, key: 'green_none' },
  { value: 'disabled', key: 'green_disabled' },
  { value: 'military', key: 'green_military' },
  { value: 'pregnant', key: 'green_pregnant' },
];

export class KioskOptions extends KioskScreen {
  static override properties = { ...KioskScreen.properties, elderly: { type: Boolean, reflect: true } };
  declare elderly: boolean;

  constructor() {
    super();
    this.elderly = false;
  }

  /** The guide QR, large, in a modal dialog (landscape kiosks, where the card has no room for it). */
  private guideDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog#guide');
  }

  protected override willUpdate(): void {
    this.elderly = this.view?.elderly ?? false;
  }

  static override styles = [
    kioskBase,
    kioskScreenHead,
    css`
      .layout {
        display: grid;
        grid-template-columns: 1fr;
        grid-template-areas: 'matter' 'id' 'green' 'take';
        gap: var(--k-pad);
      }
      #guide-open {
        display: none;
      }
      @media (orientation: landscape) {
        /*
         * A 1280×1024 kiosk needs the whole card for the matter's name and 取号 in reach: there the
         * guide QR opens from 办事指南 in the head, large, over the screen, until 关闭.
         */
        .matter kiosk-guide-qr {
          display: none;
        }
        #guide-open {
          display: inline-flex;
          align-items: center;
          justify-content: center;
        }
        .layout {
          grid-template-columns: 1fr 1fr;
          grid-template-rows: auto auto 1fr;
          grid-template-areas: 'matter id' 'green id' 'take id';
          align-items: start;
        }
      }
      .matter {
        grid-area: matter;
        display: flex;
        gap: var(--k-pad);
        align-items: center;
        justify-content: space-between;
      }
      .matter-text {
        min-width: 0;
      }
      .green {
        grid-area: green;
      }
      .id {
        grid-area: id;
      }
      #take {
        grid-area: take;
      }
      .matter strong {
        display: block;
        font-size: var(--k-font-xl);
      }
      .channels {
        display: grid;
        grid-template-columns: repeat(2, 1fr);
        gap: 12px;
        margin-top: 12px;
      }
      .channels button[aria-checked='true'] {
        background: var(--k-accent);
        border-color: var(--k-accent);
        color: #fff;
        font-weight: 700;
      }
      #take {
        width: 100%;
        min-height: calc(var(--k-touch) * 1.8);
        font-size: var(--k-font-xl);
        box-shadow: 0 6px 18px rgba(0, 0, 0, 0.25);
      }
      /*
       * Large type: the whole screen fits without scrolling at 1080×1920 and 1280×1024, so nothing
       * has to float over anything (a sticky 取号 once covered 军人/孕妇). The keypad goes five
       * keys wide (kiosk-id-field), the four green channels share one row in portrait, and in
       * landscape the matter name steps down one size and the 取号 button is less tall.
       */
      :host([elderly]) .channels {
        grid-template-columns: repeat(4, 1fr);
      }
      :host([elderly]) .channels button {
        padding: 8px;
      }
      :host([elderly]) #take {
        min-height: calc(var(--k-touch) * 1.4);
      }
      @media (orientation: landscape) {
        :host([elderly]) .channels {
          grid-template-columns: repeat(2, 1fr);
        }
        :host([elderly]) .matter strong {
          font-size: var(--k-font-lg);
        }
        :host([elderly]) .green h2 {
          font-size: var(--k-font);
        }
      }
      #take.cjk {
        letter-spacing: 0.2em;
      }
      dialog#guide {
        border: none;
        border-radius: 16px;
        padding: var(--k-pad);
      }
      dialog#guide::backdrop {
        background: rgba(0, 0, 0, 0.55);
      }
      .guide-box {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--k-pad);
        max-width: 640px;
      }
      .guide-box kiosk-guide-qr {
        flex-direction: column;
        max-width: none;
        text-align: center;
        --guide-qr-size: 320px;
      }
      #guide-close {
        min-width: 240px;
      }
    `,
  ];

  private onKey(e: CustomEvent<string>): void {
    this.flow.pressIdKey(e.detail);
  }

  override render() {
    const v = this.view;
    const matter = selectedMatter(v);
    const guideUrl = matter && matter.promisedLimitDays !== null ? guidePageUrl(v.hall?.publicBaseUrl ?? location.origin, matter.id) : null;
    const guideButton = guideUrl
      ? html`<button id="guide-open" aria-haspopup="dialog" @click=${() => this.guideDialog()?.showModal()}>${this.t('guide_open')}</button>`
      : undefined;
    return html`${this.renderHead(this.t('options_title'), guideButton)}
      <div class="layout">
        <div class="card matter">
          <div class="matter-text">
            <span class="muted">${this.t('options_matter')}${matter?.department ? html` · ${matter.department}` : ''}</span>
            <strong id="matter-name">${matter?.name ?? ''}</strong>
          </div>
          ${guideUrl ? html`<kiosk-guide-qr .url=${guideUrl} caption=${this.t('guide_qr')}></kiosk-guide-qr>` : nothing}
        </div>
        <div class="card green">
          <h2>${this.t('green_label')}</h2>
          <div class="channels" role="radiogroup" aria-label=${this.t('green_label')}>
            ${CHANNELS.map(
              (c) => html`<button
                role="radio"
                data-channel=${c.value ?? 'none'}
                aria-checked=${v.greenChannel === c.value ? 'true' : 'false'}
                @click=${() => this.flow.setGreenChannel(c.value)}
              >
                ${this.t(c.key)}
              </button>`,
            )}
          </div>
        </div>
        <button id="take" class="primary ${this.locale === 'en' ? '' : 'cjk'}" @click=${() => void this.flow.issue()}>${this.t('take_ticket')}</button>
        <div class="card id" @kiosk-key=${this.onKey}>
          <kiosk-id-field
            .view=${v}
            .flow=${this.flow}
            .i18n=${this.i18n}
            .locale=${this.locale}
            .value=${v.idNumber}
            .error=${v.idError}
            .serverError=${v.idServerError}
            label=${this.t('id_label')}
            note=${this.t('id_elderly_note', { age: v.hall?.elderlyAge ?? 60 })}
          ></kiosk-id-field>
        </div>
      </div>
      ${guideUrl
        ? html`<dialog id="guide" aria-label=${this.t('guide_open')}>
            <div class="guide-box">
              <kiosk-guide-qr .url=${guideUrl} caption=${this.t('guide_qr')}></kiosk-guide-qr>
              <button id="guide-close" class="primary" @click=${() => this.guideDialog()?.close()}>${this.t('guide_close')}</button>
            </div>
          </dialog>`
        : nothing}`;
  }
}

customElements.define('kiosk-options', KioskOptions);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-options': KioskOptions;
  }
}
