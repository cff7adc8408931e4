/** The phone page shell: header with the language switch, then every visible section in order. */
import { css, html, LitElement, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { ProgressI18n } from '../i18n/messages';
import type { ProgressState, ProgressStore } from '../stores/progress-store';
import { progressSections } from './progress-sections';
import { progressTheme } from './progress-styles';

export class ProgressApp extends LitElement {
  private readonly stateCtl: StoreController<ProgressState>;
  private readonly langCtl: StoreController<string>;

  constructor(
    private readonly store: ProgressStore,
    private readonly i18n: ProgressI18n,
    private readonly token: string,
  ) {
    super();
    this.stateCtl = new StoreController(this, store.state);
    this.langCtl = new StoreController(this, i18n.lang);
  }

  static override styles = [
    tokens,
    progressTheme,
    css`
      :host {
        display: block;
        max-width: 560px;
        margin: 0 auto;
        padding: var(--yc-space-3, 16px);
        padding-bottom: calc(var(--yc-space-5, 40px) + env(safe-area-inset-bottom));
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--yc-space-2, 8px);
      }
      h1 {
        font-size: 1.3rem;
        margin: 0;
      }
      button {
        font: inherit;
        min-height: 44px;
        border-radius: var(--yc-radius, 10px);
        border: 1px solid var(--yc-border, #d5dbe3);
        background: var(--yc-surface, #fff);
        padding: 0 var(--yc-space-3, 16px);
      }
      .banner {
        margin-top: var(--yc-space-3, 16px);
        padding: var(--yc-space-2, 8px) var(--yc-space-3, 16px);
        border-radius: var(--yc-radius, 10px);
        background: #fff8ec;
        color: var(--yc-warn, #b86e00);
      }
      footer {
        margin-top: var(--yc-space-4, 24px);
        text-align: center;
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

  override render() {
    const s = this.stateCtl.value;
    void this.langCtl.value;
    const t = this.i18n.t;
    return html`
      <header>
        <div>
          <h1>${t('app_title')}</h1>
          ${s.phase === 'ready' ? html`<div class="muted">${s.view.hallName}</div>` : nothing}
        </div>
        <button @click=${() => this.i18n.setLang(this.i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('lang_toggle')}</button>
      </header>
      ${s.phase === 'loading' ? html`<p>${t('loading')}</p>` : nothing}
      ${s.phase === 'not_found' ? html`<p class="card" role="alert">${t('not_found')}</p>` : nothing}
      ${s.phase === 'ready'
        ? html`${s.stale ? html`<div class="banner" role="status">${t('stale')}</div>` : nothing}
            ${progressSections.filter((sec) => sec.visible(s.view)).map((sec) => html`<div data-section=${sec.id}>${sec.render(s.view, this.i18n, this.token)}</div>`)}
            <footer class="muted">${t('refresh_hint')}</footer>`
        : nothing}
    `;
  }
}

customElements.define('progress-app', ProgressApp);
