/** /g/<matterId>: the public guide page shell (header, language switch, the guide). */
import { css, html, LitElement, nothing } from 'lit';
import type { MatterGuideView } from '../../../server/protocol/cases';
import type { Ack } from '../../../server/protocol/errors';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { ProgressI18n } from '../i18n/messages';
import './progress-guide';
import { progressTheme } from './progress-styles';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /g/<uuid> or /progress/?guide=<uuid>. */
export function guideFromLocation(pathname: string, search: string): string | null {
  const raw = /^\/g\/([^/?#]+)/.exec(pathname)?.[1] ?? new URLSearchParams(search).get('guide');
  return raw && UUID.test(raw) ? raw : null;
}

export class GuidePage extends LitElement {
  static override properties = { guide: { state: true }, failed: { state: true } };
  declare guide: MatterGuideView | null;
  declare failed: boolean;

  constructor(
    private readonly matterId: string,
    private readonly i18n: ProgressI18n,
    private readonly load: (id: string) => Promise<Ack<MatterGuideView>>,
  ) {
    super();
    this.guide = null;
    this.failed = false;
    new StoreController(this, i18n.lang);
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
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
      h1 {
        font-size: 1.1rem;
        margin: 0;
        color: var(--yc-muted, #5b6675);
      }
      button {
        font: inherit;
        min-height: 44px;
        border-radius: var(--yc-radius, 10px);
        border: 1px solid var(--yc-border, #d5dbe3);
        background: var(--yc-surface, #fff);
        padding: 0 var(--yc-space-3, 16px);
      }
    `,
  ];

  override async connectedCallback() {
    super.connectedCallback();
    const r = await this.load(this.matterId);
    if (r.ok) this.guide = r.data;
    else this.failed = true;
  }

  override render() {
    const t = this.i18n.t;
    return html`<header>
        <h1>${t('guide_title')}</h1>
        <button @click=${() => this.i18n.setLang(this.i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('lang_toggle')}</button>
      </header>
      ${this.failed ? html`<p class="card" role="alert">${t('not_found')}</p>` : nothing}
      ${this.guide ? html`<progress-guide .guide=${this.guide} .i18n=${this.i18n}></progress-guide>` : this.failed ? nothing : html`<p>${t('loading')}</p>`}`;
  }
}

customElements.define('guide-page', GuidePage);
