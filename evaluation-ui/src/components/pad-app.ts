/**
 * The evaluator pad's screen (tablet facing the visitor, e.g. 1280×800): a header with the counter
 * and the serving staff member (name, 工号), then idle, the rating form, thanks or 已评价.
 */
import { css, html, LitElement, nothing } from 'lit';
import { describeError, type Lang } from '../../../ui-shared/src/i18n';
import '../../../ui-shared/src/rating-form';
import type { RatingSubmit, YcRatingForm } from '../../../ui-shared/src/rating-form';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { PadI18n } from '../i18n/messages';
import type { PadStore, PadView } from '../stores/pad-store';

export class PadApp extends LitElement {
  private readonly viewCtl: StoreController<PadView>;
  private readonly langCtl: StoreController<Lang>;
  private shownService: string | null = null;

  constructor(
    private readonly store: PadStore,
    private readonly i18n: PadI18n,
  ) {
    super();
    this.viewCtl = new StoreController(this, store.view);
    this.langCtl = new StoreController(this, i18n.lang);
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        box-sizing: border-box;
        min-height: 100vh;
        padding: 12px 32px;
        background: #f4f6f8;
        color: #111;
      }
      header {
        display: flex;
        align-items: center;
        gap: 32px;
        padding: 16px 24px;
        background: #b71c1c;
        color: #fff;
        border-radius: 16px;
      }
      .counter {
        font-size: 2.6rem;
        font-weight: 800;
        white-space: nowrap;
      }
      .staff {
        flex: 1;
        font-size: 1.8rem;
        line-height: 1.3;
      }
      .staff .no {
        font-size: 1.4rem;
        opacity: 0.95;
      }
      .lang {
        font: inherit;
        font-size: 1.3rem;
        min-height: 60px;
        min-width: 120px;
        border-radius: 12px;
        border: 3px solid #fff;
        background: transparent;
        color: #fff;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        justify-content: center;
        padding-top: 16px;
      }
      .big {
        text-align: center;
        font-size: 3.4rem;
        font-weight: 800;
        margin: 0;
      }
      .hint {
        text-align: center;
        font-size: 2rem;
        color: #333;
        margin: 24px 0 0;
      }
      .matter {
        text-align: center;
        font-size: 1.5rem;
        color: #333;
        margin: 0 0 16px;
      }
      .offline {
        margin-top: 16px;
        text-align: center;
        font-size: 1.3rem;
        color: #8e1116;
        font-weight: 700;
      }
      .thanks {
        color: #0d5c2e;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store.stop();
  }

  override updated(): void {
    // A new service gets a fresh form: nothing pre-selected.
    const id = this.viewCtl.value.pad?.pending?.serviceId ?? null;
    if (id !== this.shownService) {
      this.shownService = id;
      this.renderRoot.querySelector<YcRatingForm>('yc-rating-form')?.reset();
    }
  }

  private body(v: PadView) {
    const t = this.i18n.t;
    const lang = this.i18n.lang.get();
    switch (v.phase) {
      case 'loading':
        return html`<p class="big">${t('loading')}</p>`;
      case 'unauthorised':
        return html`<p class="big">${t('unauthorised')}</p><p class="hint">${t('unauthorised_hint')}</p>`;
      case 'unpaired':
        return html`<p class="big">${t('unpaired')}</p><p class="hint">${t('unpaired_hint')}</p>`;
      case 'idle':
        return html`<p class="big">${t('idle_welcome')}</p><p class="hint">${t('idle_hint')}</p>`;
      case 'thanks':
        return html`<p class="big thanks" data-screen="thanks">${t('thanks')}</p><p class="hint">${t('thanks_hint')}</p>`;
      case 'already':
        return html`<p class="big" data-screen="already">${t('already')}</p><p class="hint">${t('already_hint')}</p>`;
      case 'rating':
        return html`
          ${v.pad?.pending ? html`<p class="matter">${t('rate_matter', { matter: v.pad.pending.matterName })}</p>` : nothing}
          <yc-rating-form
            variant="pad"
            .language=${lang}
            .heading=${t('rate_prompt')}
            .busy=${v.busy}
            .error=${v.error ? describeError(lang, v.error) : ''}
            @rating-submit=${(e: CustomEvent<RatingSubmit>) => void this.store.submit(e.detail)}
          ></yc-rating-form>
        `;
    }
  }

  override render() {
    const v = this.viewCtl.value;
    void this.langCtl.value;
    const t = this.i18n.t;
    const pad = v.pad;
    return html`
      <header>
        <div class="counter">${pad?.counter ? t('counter', { n: pad.counter.number }) : t('app_title')}</div>
        <div class="staff">
          ${pad?.staff
            ? html`<div class="name">${pad.staff.displayName}</div><div class="no">${t('staff_no', { no: pad.staff.staffNo })}</div>`
            : pad?.counter
              ? html`<div class="name">${t('no_staff')}</div>`
              : nothing}
        </div>
        <button class="lang" @click=${() => this.i18n.setLang(this.i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('lang_toggle')}</button>
      </header>
      <main>${this.body(v)}</main>
      ${v.offline ? html`<div class="offline" role="status">${t('offline')}</div>` : nothing}
    `;
  }
}

customElements.define('pad-app', PadApp);
