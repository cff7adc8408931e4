/** Staff sign-in. Shows why the form is back (session expired, signed out) and login errors. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe } from '../i18n/describe';
import { i18n, t } from '../i18n/messages';
import { shared } from '../styles/shared.css';

export class YcSignIn extends LitElement {
  static override properties = { missing: { state: true } };
  declare missing: boolean;

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: flex;
        justify-content: center;
        padding-top: 8vh;
      }
      form {
        width: min(400px, 100%);
        padding: var(--yc-space-4);
      }
      h1 {
        margin: 0 0 var(--yc-space-1);
        font-size: 1.4rem;
      }
      .sub {
        margin: 0 0 var(--yc-space-4);
      }
      .field {
        margin-bottom: var(--yc-space-3);
      }
      .btn {
        width: 100%;
        margin-top: var(--yc-space-2);
      }
      .reason {
        margin: 0 0 var(--yc-space-3);
        padding: 10px 12px;
        border-radius: 8px;
        background: var(--yc-warn-bg);
        color: #7a4a00;
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
    const reason = this.reason.value;
    const error = this.error.value;
    return html`<form class="panel" @submit=${this.submit} novalidate>
      <h1>${t('signIn.title')}</h1>
      <p class="sub muted">${t('signIn.subtitle')}</p>
      ${reason
        ? html`<p class="reason" role="status" data-testid="sign-in-reason">
            ${t(reason === 'expired' ? 'signIn.expired' : 'signIn.signedOut')}
          </p>`
        : nothing}
      <div class="field">
        <label for="username">${t('signIn.username')}</label>
        <input id="username" name="username" autocomplete="username" autocapitalize="off" spellcheck="false" required />
      </div>
      <div class="field">
        <label for="password">${t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
      </div>
      ${this.missing || error
        ? html`<p class="problem" role="alert" data-testid="sign-in-error">${this.missing ? t('signIn.missing') : describe(error!)}</p>`
        : nothing}
      <button class="btn primary" type="submit" ?disabled=${this.pending.value}>
        ${this.pending.value ? t('signIn.pending') : t('signIn.submit')}
      </button>
    </form>`;
  }

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLInputElement>('#username')?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.missing = !username || !password;
    if (this.missing) return;
    const ok = await app.session.signIn(username, password);
    if (!ok) {
      const pw = form.querySelector<HTMLInputElement>('#password');
      if (pw) {
        pw.value = '';
        pw.focus();
      }
    }
  }
}

customElements.define('yc-sign-in', YcSignIn);
