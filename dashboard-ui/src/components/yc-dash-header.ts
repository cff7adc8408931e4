/** Header: title, hall picker (with "all halls" for several), live/reports tabs, connection, language, sign out. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { et } from '../i18n/evaluation-messages';
import { i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';

export class YcDashHeader extends LitElement {
  static override styles = [
    tokens,
    dash,
    css`
      header {
        display: flex;
        align-items: center;
        gap: var(--yc-space-3);
        padding: 10px var(--yc-space-3);
        background: var(--yc-surface);
        border-bottom: 1px solid var(--yc-border);
        flex-wrap: wrap;
      }
      h1 {
        font-size: 1.15rem;
        margin: 0;
        color: var(--yc-primary);
      }
      nav {
        display: flex;
        gap: 4px;
      }
      nav .btn[aria-current='page'] {
        background: var(--yc-text);
        color: #fff;
        border-color: var(--yc-text);
      }
      .spacer {
        flex: 1;
      }
      .conn.online {
        color: var(--yc-ok);
      }
      .conn.connecting {
        color: var(--yc-warn);
      }
      .conn.offline,
      .conn.unauthorised {
        color: var(--yc-bad);
      }
    `,
  ];

  private readonly halls = new StoreController(this, app.halls);
  private readonly hallId = new StoreController(this, app.hallId);
  private readonly view = new StoreController(this, app.view);
  private readonly conn = new StoreController(this, app.connection);
  private readonly session = new StoreController(this, app.session.session);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const halls = this.halls.value;
    const state = this.conn.value;
    return html`<header>
      <h1>${t('app.title')}</h1>
      <select aria-label=${t('group.hall')} data-testid="hall-picker" @change=${(e: Event) => app.hallId.set((e.target as HTMLSelectElement).value || null)}>
        ${halls.length > 1 ? html`<option value="" ?selected=${this.hallId.value === null}>${t('nav.allHalls')}</option>` : nothing}
        ${halls.map((h) => html`<option value=${h.id} ?selected=${h.id === this.hallId.value}>${h.name}</option>`)}
      </select>
      <nav>
        ${(['live', 'reports', 'evaluations'] as const).map(
          (v) => html`<button class="btn" data-testid=${`nav-${v}`} aria-current=${this.view.value === v ? 'page' : 'false'} @click=${() => app.view.set(v)}>
            ${v === 'evaluations' ? et('nav.evaluations') : t(v === 'live' ? 'nav.live' : 'nav.reports')}
          </button>`,
        )}
      </nav>
      <span class="spacer"></span>
      <span class="tag conn ${state}" role="status" data-testid="connection" data-state=${state}>${t(`conn.${state}`)}</span>
      <span class="muted">${this.session.value?.staff.displayName ?? ''}</span>
      <button class="btn" data-testid="lang-toggle" @click=${() => i18n.setLang(i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('nav.lang')}</button>
      <button class="btn" @click=${() => void app.session.signOut()}>${t('nav.signOut')}</button>
    </header>`;
  }
}

customElements.define('yc-dash-header', YcDashHeader);
