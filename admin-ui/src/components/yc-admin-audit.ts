/** Audit log: who changed what (accounts, devices, hall configuration, every ticket action), filtered, exported as CSV. */
import { LitElement, html, nothing } from 'lit';
import type { AuditEntryView } from '../../../server/protocol/admin';
import { auditQuery } from '../../../server/protocol/admin';
import type { ErrorBody } from '../../../server/protocol/errors';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { prepare, type CallQuery } from '../../../ui-shared/src/api-client';
import { app, download } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import { validate } from '../stores/form-errors';
import { adminBase, adminForms } from '../styles/admin.css';

export class YcAdminAudit extends LitElement {
  static override properties = { rows: { state: true }, errors: { state: true }, problem: { state: true } };
  declare rows: AuditEntryView[] | null;
  declare errors: Record<string, string>;
  declare problem: ErrorBody | null;
  static override styles = [tokens, adminBase, adminForms];
  private query: Record<string, string> = {};

  constructor() {
    super();
    this.rows = null;
    this.errors = {};
    this.problem = null;
    new StoreController(this, i18n.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.search();
  }

  /** The filled-in filters (the form checked them against auditQuery before a search). */
  private params(): CallQuery<'audit'> {
    // A role the policy grants every hall sees them all and the hall-less account changes; a manager's answer is scoped to their halls by the server.
    const hallId = app.grant('audit:read') === 'any_hall' ? null : app.hallId.get();
    return { ...(hallId && { hallId }), ...Object.fromEntries(Object.entries(this.query).filter(([, v]) => v)) };
  }

  private async search(e?: Event) {
    if (e) {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      this.query = Object.fromEntries(['from', 'to', 'action', 'actorId'].map((k) => [k, String(data.get(k) ?? '').trim()]));
      const v = validate(auditQuery, this.params(), i18n.lang.get());
      this.errors = v.ok ? {} : v.fields;
      if (!v.ok) return;
    }
    const r = await app.api.call('audit', { query: this.params() });
    this.problem = r.ok ? null : r.error;
    this.rows = r.ok ? r.data : [];
  }

  override render() {
    const f = (name: string, label: string, type = 'text') =>
      html`<div class="field ${this.errors[name] ? 'invalid' : ''}"><label for="a-${name}">${label}</label><input id="a-${name}" name=${name} type=${type} .value=${this.query[name] ?? ''} />${this.errors[name] ? html`<div class="err">${this.errors[name]}</div>` : nothing}</div>`;
    return html`<section class="stack">
      <div class="page-head"><h1>${t('nav.audit')}</h1></div>
      <form class="panel grid" @submit=${(e: Event) => void this.search(e)}>
        ${f('from', t('audit.from'), 'date')} ${f('to', t('audit.to'), 'date')} ${f('action', t('audit.action'))} ${f('actorId', t('audit.actor'))}
        <div class="actions field wide">
          <button class="btn primary" type="submit">${t('audit.filter')}</button>
          <button class="btn" type="button" data-testid="export" @click=${() => void download(prepare('audit', { query: { ...this.params(), format: 'csv', lang: i18n.lang.get() } }), 'audit.csv')}>${t('audit.export')}</button>
          ${this.rows ? html`<span class="muted">${t('audit.count', { n: this.rows.length })}</span>` : nothing}
        </div>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${describe(this.problem)}</p>` : nothing}
      <div class="panel"><table>
        <thead><tr><th>${t('audit.at')}</th><th>${t('audit.actor')}</th><th>${t('audit.action')}</th><th>${t('audit.subject')}</th><th>${t('audit.data')}</th></tr></thead>
        <tbody>${(this.rows ?? []).slice(0, 300).map(
          (r) => html`<tr>
            <td>${new Date(r.at).toLocaleString(i18n.lang.get())}</td>
            <td>${r.actorName ?? r.actorType}</td>
            <td><code>${r.action}</code></td>
            <td>${r.subjectType}</td>
            <td class="wrap"><code>${JSON.stringify(r.data).slice(0, 160)}</code></td>
          </tr>`,
        )}</tbody>
      </table></div>
    </section>`;
  }
}

customElements.define('yc-admin-audit', YcAdminAudit);
