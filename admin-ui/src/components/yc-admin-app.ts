/** The console's shell: first-admin set-up, sign-in, then a side navigation of the pages the role may see, scoped to one hall. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { firstAdminBody } from '../../../server/protocol/setup';
import { app } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import type { PageId } from '../stores/admin-app';
import { adminBase, adminForms } from '../styles/admin.css';
import './yc-admin-audit';
import './yc-admin-devices';
import './yc-admin-pages-hall';
import './yc-admin-pages-matters';
import './yc-admin-pages-people';
import { validate } from '../stores/form-errors';

const PAGE_TAGS: Record<PageId, string> = {
  halls: 'yc-admin-halls', zones: 'yc-admin-zones', departments: 'yc-admin-departments', matters: 'yc-admin-matters', counters: 'yc-admin-counters',
  staff: 'yc-admin-staff', devices: 'yc-admin-devices', calendar: 'yc-admin-calendar', audit: 'yc-admin-audit',
};

export class YcAdminApp extends LitElement {
  static override properties = { formErrors: { state: true }, formProblem: { state: true } };
  declare formErrors: Record<string, string>;
  declare formProblem: string | null;

  static override styles = [
    tokens,
    adminBase,
    adminForms,
    css`
      :host { display: block; min-height: 100vh; background: var(--yc-bg); }
      header { display: flex; align-items: center; gap: var(--yc-space-3); background: var(--yc-primary); color: #fff; padding: 10px var(--yc-space-4); }
      header h1 { margin: 0; font-size: 1.15rem; flex: 1; }
      header select { min-width: 240px; }
      header .btn { background: transparent; color: #fff; border-color: rgba(255, 255, 255, 0.6); }
      .shell { display: grid; grid-template-columns: 168px 1fr; min-height: calc(100vh - 52px); }
      nav { background: var(--yc-surface); border-right: 1px solid var(--yc-border); padding: var(--yc-space-3) 0; }
      nav button { display: block; width: 100%; text-align: left; font: inherit; padding: 10px var(--yc-space-4); border: 0; background: none; cursor: pointer; color: var(--yc-text); }
      nav button[aria-current='page'] { background: #fbe9e9; color: var(--yc-primary); font-weight: 700; border-left: 4px solid var(--yc-primary); padding-left: calc(var(--yc-space-4) - 4px); }
      main { padding: var(--yc-space-4); min-width: 0; }
      .center { display: flex; justify-content: center; padding-top: 8vh; }
      .center form { width: min(420px, 92vw); display: grid; gap: var(--yc-space-3); }
      .center h1 { margin: 0; font-size: 1.4rem; }
      .center input { width: 100%; }
    `,
  ];

  private readonly session = new StoreController(this, app.session.session);
  private readonly setup = new StoreController(this, app.setup);
  private readonly page = new StoreController(this, app.page);
  private readonly hallId = new StoreController(this, app.hallId);
  private readonly halls = new StoreController(this, app.halls);
  private readonly error = new StoreController(this, app.session.error);
  private readonly pending = new StoreController(this, app.session.pending);

  constructor() {
    super();
    this.formErrors = {};
    this.formProblem = null;
    new StoreController(this, i18n.lang);
    void app.loadSetup();
    app.session.session.subscribe((s) => s && void app.loadHalls());
    if (app.session.session.get()) void app.loadHalls();
  }

  override render() {
    if (this.setup.value === null) return html`<p class="muted center">${t('common.loading')}</p>`;
    if (this.setup.value.needsFirstAdmin && !this.session.value) return this.firstAdmin();
    if (!this.session.value) return this.signIn();
    const pages = app.pages();
    const page = pages.includes(this.page.value) ? this.page.value : pages[0];
    return html`<header>
        <h1>一窗 · ${t('app.title')}</h1>
        <label for="hall" style="color:#fff;margin:0">${t('nav.hall')}</label>
        <select id="hall" data-testid="hall-picker" @change=${(e: Event) => app.hallId.set((e.target as HTMLSelectElement).value)}>
          ${this.halls.value.map((h) => html`<option value=${h.id} ?selected=${h.id === this.hallId.value}>${h.name}</option>`)}
        </select>
        <span>${this.session.value.staff.displayName}</span>
        <button class="btn" @click=${() => i18n.setLang(i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('nav.lang')}</button>
        <button class="btn" @click=${() => void app.session.signOut()}>${t('nav.signOut')}</button>
      </header>
      <div class="shell">
        <nav>${pages.map((p) => html`<button data-page=${p} aria-current=${p === page ? 'page' : 'false'} @click=${() => app.page.set(p)}>${t(`nav.${p}`)}</button>`)}</nav>
        <main>
          ${!this.hallId.value && page !== 'halls' && page !== 'staff' && page !== 'calendar' && page !== 'audit' ? html`<p class="note">${t('common.noHall')}</p>` : nothing}
          ${page ? this.pageElement(page) : html`<p class="note" data-testid="no-pages">${t('nav.noPages')}</p>`}
        </main>
      </div>`;
  }

  /** One element per page, kept while the console is open (a language switch keeps what a page shows). */
  private readonly pageElements = new Map<PageId, HTMLElement>();
  private pageElement(page: PageId) {
    let el = this.pageElements.get(page);
    if (!el) this.pageElements.set(page, (el = document.createElement(PAGE_TAGS[page])));
    return html`${el}`;
  }

  private signIn() {
    const error = this.error.value;
    return html`<div class="center"><form class="panel" @submit=${this.submitSignIn} novalidate>
      <div><h1>${t('signIn.title')}</h1><p class="muted">${t('signIn.subtitle')}</p></div>
      ${app.session.reason.get() === 'expired' ? html`<p class="note" role="status">${t('signIn.expired')}</p>` : nothing}
      <div><label for="username">${t('signIn.username')}</label><input id="username" name="username" autocomplete="username" autocapitalize="off" /></div>
      <div><label for="password">${t('signIn.password')}</label><input id="password" name="password" type="password" autocomplete="current-password" /></div>
      ${this.formProblem || error ? html`<p class="problem" role="alert">${this.formProblem ?? describe(error!)}</p>` : nothing}
      <button class="btn primary" type="submit" ?disabled=${this.pending.value}>${this.pending.value ? t('signIn.pending') : t('signIn.submit')}</button>
      <button class="btn" type="button" @click=${() => i18n.setLang(i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('nav.lang')}</button>
    </form></div>`;
  }

  private async submitSignIn(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.formProblem = !username || !password ? t('signIn.missing') : null;
    if (!this.formProblem) await app.session.signIn(username, password);
  }

  private firstAdmin() {
    const e = this.formErrors;
    const f = (name: string, label: string, type = 'text') =>
      html`<div class="field ${e[name] ? 'invalid' : ''}"><label for="s-${name}">${label}</label><input id="s-${name}" name=${name} type=${type} autocomplete="off" />${e[name] ? html`<div class="err" data-testid="err-${name}">${e[name]}</div>` : nothing}</div>`;
    return html`<div class="center"><form class="panel" data-testid="first-admin" @submit=${this.submitFirstAdmin} novalidate>
      <div><h1>${t('setup.title')}</h1><p class="muted">${t('setup.intro')}</p></div>
      ${f('code', t('setup.code'))} ${f('username', t('staff.username'))} ${f('displayName', t('setup.displayName'))} ${f('password', t('staff.password'), 'password')}
      ${this.formProblem ? html`<p class="problem" role="alert">${this.formProblem}</p>` : nothing}
      <button class="btn primary" type="submit">${t('setup.submit')}</button>
      <button class="btn" type="button" @click=${() => i18n.setLang(i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${t('nav.lang')}</button>
    </form></div>`;
  }

  private async submitFirstAdmin(ev: Event) {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const body = Object.fromEntries(['code', 'username', 'displayName', 'password'].map((k) => [k, String(data.get(k) ?? '')]));
    const v = validate(firstAdminBody, body, i18n.lang.get());
    this.formErrors = v.ok ? {} : v.fields;
    if (!v.ok) return;
    const r = await app.createFirstAdmin(v.data);
    this.formProblem = r.ok ? null : r.error.fields?.code ? t('setup.badCode') : describe(r.error);
    if (!r.ok && r.error.fields) this.formErrors = r.error.fields.code ? { code: t('setup.badCode') } : r.error.fields;
  }
}

customElements.define('yc-admin-app', YcAdminApp);
