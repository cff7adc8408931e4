/** The back-office screen (1366×768 and up): sign-in, the case list by stage, the selected case with its steps and next actions. */
import { css, html, LitElement, nothing } from 'lit';
import type { CaseView } from '../../../server/protocol/cases';
import { describeError } from '../../../ui-shared/src/i18n';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { actionLabel, filterLabel, i18n, statusLabel } from '../messages';
import { nextActions, type ListFilter, type ReviewState, type ReviewStore } from '../stores/review-store';

const FILTERS: ListFilter[] = ['back_office', 'ready', 'alerts', 'open', 'all'];

export class ReviewApp extends LitElement {
  private readonly st: StoreController<ReviewState>;

  constructor(private readonly store: ReviewStore) {
    super();
    this.st = new StoreController(this, store.state);
    new StoreController<unknown>(this, store.session.session);
    new StoreController<unknown>(this, store.session.error);
    new StoreController<unknown>(this, i18n.lang);
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        background: var(--yc-bg);
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        padding: 10px 20px;
        background: var(--yc-primary);
        color: #fff;
      }
      header h1 {
        font-size: 1.2rem;
        margin: 0;
      }
      header .grow {
        flex: 1;
      }
      button {
        font: inherit;
        min-height: 40px;
        padding: 0 14px;
        border-radius: 8px;
        border: 1px solid var(--yc-border);
        background: var(--yc-surface);
        cursor: pointer;
      }
      button.primary {
        background: var(--yc-accent);
        border-color: var(--yc-accent);
        color: #fff;
      }
      button[aria-pressed='true'] {
        background: var(--yc-accent);
        color: #fff;
      }
      main {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(380px, 2fr);
        gap: 16px;
        padding: 16px 20px;
        min-height: 0;
      }
      .panel {
        background: var(--yc-surface);
        border: 1px solid var(--yc-border);
        border-radius: var(--yc-radius);
        padding: 12px 16px;
        overflow: auto;
      }
      .filters {
        display: flex;
        gap: 8px;
        margin-bottom: 10px;
        flex-wrap: wrap;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.95rem;
      }
      th,
      td {
        text-align: left;
        padding: 7px 8px;
        border-bottom: 1px solid var(--yc-border);
        white-space: nowrap;
      }
      td.matter {
        white-space: normal;
      }
      tr.row {
        cursor: pointer;
      }
      tr.row:hover,
      tr.row[aria-selected='true'] {
        background: #e8f0fa;
      }
      .flag {
        font-size: 0.8rem;
        padding: 1px 6px;
        border-radius: 4px;
        margin-left: 6px;
      }
      .flag.at_risk {
        background: #fdf1dc;
        color: #6b4100;
      }
      .flag.overdue,
      .flag.promise {
        background: #fbe7e7;
        color: var(--yc-bad);
      }
      .muted {
        color: var(--yc-muted);
      }
      .error {
        color: var(--yc-bad);
        margin: 8px 0;
      }
      ol.steps {
        padding-left: 1.2em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin: 10px 0;
      }
      label {
        display: block;
        margin-top: 8px;
        color: var(--yc-muted);
      }
      input {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        min-height: 40px;
        padding: 0 10px;
        border: 1px solid var(--yc-border);
        border-radius: 8px;
      }
      form.signin {
        margin: 10vh auto;
        width: 360px;
        background: var(--yc-surface);
        padding: 24px;
        border-radius: var(--yc-radius);
        border: 1px solid var(--yc-border);
      }
    `,
  ];

  private t = i18n.t;

  override render() {
    const session = this.store.session.session.get();
    return html`<header>
        <h1>${this.t('title')}</h1>
        ${session ? html`<span>${session.staff.displayName}</span>` : nothing}
        <span class="grow"></span>
        <button @click=${() => i18n.setLang(i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${this.t('lang')}</button>
        ${session ? html`<button @click=${() => void this.store.session.signOut()}>${this.t('signOut')}</button>` : nothing}
      </header>
      ${session ? this.main() : this.signIn()}`;
  }

  private signIn() {
    const err = this.store.session.error.get();
    return html`<form class="signin" @submit=${this.onSignIn}>
      <label for="username">${this.t('username')}</label><input id="username" autocomplete="username" />
      <label for="password">${this.t('password')}</label><input id="password" type="password" autocomplete="current-password" />
      ${err ? html`<div class="error">${describeError(i18n.lang.get(), err)}</div>` : nothing}
      <div class="actions"><button class="primary" type="submit">${this.t('signIn')}</button></div>
    </form>`;
  }

  private async onSignIn(e: Event) {
    e.preventDefault();
    const root = this.renderRoot;
    const u = (root.querySelector('#username') as HTMLInputElement).value;
    const p = (root.querySelector('#password') as HTMLInputElement).value;
    if (await this.store.session.signIn(u, p)) await this.store.start();
  }

  private main() {
    const s = this.st.value;
    const selected = s.cases.find((c) => c.id === s.selectedId) ?? null;
    return html`<main>
      <section class="panel">
        <div class="filters">
          ${FILTERS.map((f) => html`<button aria-pressed=${s.filter === f ? 'true' : 'false'} data-filter=${f} @click=${() => void this.store.setFilter(f)}>${filterLabel(f)}</button>`)}
        </div>
        ${s.cases.length === 0
          ? html`<p class="muted">${this.t('empty')}</p>`
          : html`<table>
              <thead><tr><th>${this.t('col_number')}</th><th>${this.t('col_matter')}</th><th>${this.t('col_department')}</th><th>${this.t('col_status')}</th><th>${this.t('col_due')}</th><th>${this.t('col_elapsed')}</th></tr></thead>
              <tbody>${s.cases.map((c) => this.row(c, c.id === s.selectedId))}</tbody>
            </table>`}
      </section>
      <section class="panel">${selected ? this.detail(selected, s) : html`<p class="muted">${this.t('pick')}</p>`}</section>
    </main>`;
  }

  private row(c: CaseView, selected: boolean) {
    return html`<tr class="row" data-case=${c.number} aria-selected=${selected ? 'true' : 'false'} tabindex="0" @click=${() => void this.store.select(c.id)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.store.select(c.id)}>
      <td>${c.number}</td>
      <td class="matter">${c.matterName}</td>
      <td>${c.departmentName}</td>
      <td>${statusLabel(c.status)}${c.alertLevel !== 'none' ? html`<span class="flag ${c.alertLevel}">${this.t(c.alertLevel)}</span>` : nothing}${c.promiseOverdue ? html`<span class="flag promise">${this.t('promise_overdue')}</span>` : nothing}</td>
      <td>${c.dueDate ?? '—'}</td>
      <td>${c.elapsedDays ?? '—'} / ${c.limitDays ?? '—'}</td>
    </tr>`;
  }

  private detail(c: CaseView, s: ReviewState) {
    const actions = nextActions(c);
    const needsReason = actions.some((a) => a === 'refuse' || a === 'withdraw' || a === 'request_supplement');
    return html`<h2>${c.number} · ${statusLabel(c.status)}</h2>
      <div>${c.matterName} · ${c.departmentName}</div>
      <div class="muted">${c.visitorIdMasked ?? ''} ${c.dueDate ? `· ${this.t('col_due')} ${c.dueDate}` : ''}</div>
      ${c.tolerated && c.promiseDate ? html`<div class="muted">${this.t('tolerated', { date: c.promiseDate })}</div>` : nothing}
      ${s.error ? html`<div class="error" role="alert">${s.error.message || describeError(i18n.lang.get(), s.error)}</div>` : nothing}
      ${needsReason ? html`<label for="reason">${this.t('reason')}</label><input id="reason" maxlength="200" .value=${s.reason} @input=${(e: Event) => this.store.setReason((e.target as HTMLInputElement).value)} />` : nothing}
      ${actions.includes('post') ? html`<label for="tracking">${this.t('tracking')}</label><input id="tracking" maxlength="40" .value=${s.trackingNumber} @input=${(e: Event) => this.store.setTracking((e.target as HTMLInputElement).value)} />` : nothing}
      <div class="actions">
        ${actions.map((a, i) => html`<button class=${i === 0 ? 'primary' : ''} data-action=${a} ?disabled=${s.busy} @click=${() => void this.store.act(a)}>${actionLabel(a)}</button>`)}
      </div>
      <h3>${this.t('steps')}</h3>
      <ol class="steps">
        ${s.steps.map((st) => html`<li><b>${statusLabel(st.status)}</b> <span class="muted">${new Date(st.at).toLocaleString(i18n.lang.get(), { timeZone: 'Asia/Shanghai', hour12: false })}</span>${st.counterNumber ? ` · ${st.counterNumber} 号窗口` : ''}${st.note ? html`<div class="muted">${st.note}</div>` : nothing}</li>`)}
      </ol>`;
  }
}

customElements.define('review-app', ReviewApp);
