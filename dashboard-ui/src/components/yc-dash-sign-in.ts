/** Manager sign-in. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';

export class YcDashSignIn extends LitElement {
  static override properties = { missing: { state: true } };
  declare missing: boolean;

  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: flex;
        justify-content: center;
        padding-top: 10vh;
      }
      form {
        width: min(380px, 92vw);
        display: grid;
        gap: var(--yc-space-3);
      }
      h1 {
        margin: 0;
        font-size: 1.4rem;
      }
      input {
        width: 100%;
      }
      .note {
        background: var(--dash-warn-bg);
        padding: 8px 10px;
        border-radius: 6px;
        margin: 0;
      }
    `,
  ];

  private readonly error = new StoreController(this, app.session.error);
  private readonly pending = new StoreController(this, app.session.pending);
  private readonly reason = new StoreController(this, app.session.reason);

  constructor() {
    super();
    this.missing = false;
    new StoreController(this, i18n.lang);
  }

  override render() {
    const error = this.error.value;
    return html`<form class="panel" @submit=${this.submit} novalidate>
      <div>
        <h1>${t('signIn.title')}</h1>
        <p class="muted">${t('signIn.subtitle')}</p>
      </div>
      ${this.reason.value === 'expired' ? html`<p class="note" role="status">${t('signIn.expired')}</p>` : nothing}
      <div>
        <label for="username">${t('signIn.username')}</label>
        <input id="username" name="username" autocomplete="username" autocapitalize="off" spellcheck="false" />
      </div>
      <div>
        <label for="password">${t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" />
      </div>
      ${this.missing || error ? html`<p class="problem" role="alert">${this.missing ? t('signIn.missing') : describe(error!)}</p>` : nothing}
      <button class="btn primary" type="submit" ?disabled=${this.pending.value}>${this.pending.value ? t('signIn.pending') : t('signIn.submit')}</button>
      <button class="btn" type="button" @click=${() => i18n.setLang(i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('nav.lang')}</button>
    </form>`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.missing = !username || !password;
    if (!this.missing) await app.session.signIn(username, password);
  }
}

customElements.define('yc-dash-sign-in', YcDashSignIn);
