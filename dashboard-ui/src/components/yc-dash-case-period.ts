/**
 * The period report's 办件 section: the case figures of the report's date range per matter,
 * department or counter (GET /api/halls/:hallId/case-report), with a CSV of the same table (UTF-8
 * with BOM, so Excel opens the Chinese text).
 */
import { LitElement, html, nothing } from 'lit';
import type { CaseFigures } from '../../../server/protocol/cases';
import type { ErrorBody } from '../../../server/protocol/errors';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { createApiClient } from '../../../ui-shared/src/api-client';
import { request } from '../../../ui-shared/src/http';
import { app } from '../app-instance';
import { cst } from '../i18n/case-messages';
import { i18n } from '../i18n/messages';
import type { CaseGroup } from '../stores/case-figures-store';
import { dash } from '../styles/dash.css';
import { caseColumns } from './yc-dash-case-table';
import './yc-dash-case-table';

const GROUPS: CaseGroup[] = ['matter', 'department', 'counter'];

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused (no formula injection in Excel). */
export function csvCell(v: string | number): string {
  const text = String(v);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

export function caseCsv(rows: CaseFigures[]): string {
  const cols = caseColumns();
  return '\uFEFF' + [cols.map((c) => csvCell(c.label)).join(','), ...rows.map((r) => cols.map((c) => csvCell(c.value(r))).join(','))].join('\r\n') + '\r\n';
}

export class YcDashCasePeriod extends LitElement {
  static override properties = { hallId: {}, from: {}, to: {}, by: { state: true }, rows: { state: true }, error: { state: true } };
  declare hallId: string | null;
  declare from: string;
  declare to: string;
  declare by: CaseGroup;
  declare rows: CaseFigures[] | null;
  declare error: ErrorBody | null;
  private loaded = '';
  static override styles = [tokens, dash];

  constructor() {
    super();
    this.by = 'matter';
    this.rows = null;
    this.error = null;
    new StoreController(this, i18n.lang);
  }

  override willUpdate(): void {
    const key = `${this.hallId}|${this.from}|${this.to}|${this.by}`;
    if (!this.hallId || !this.from || !this.to || key === this.loaded) return;
    this.loaded = key;
    const query = { from: this.from, to: this.to, by: this.by };
    void createApiClient(request, () => app.session.session.get()?.token).call('caseReport', { params: { hallId: this.hallId }, query }).then((r) => {
      if (this.loaded !== key) return;
      this.rows = r.ok ? r.data : [];
      this.error = r.ok ? null : r.error;
    });
  }

  private download(): void {
    const blob = new Blob([caseCsv(this.rows ?? [])], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `cases-${this.from}-${this.to}-${this.by}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  override render() {
    if (!this.hallId) return nothing;
    return html`<section class="panel" data-testid="case-period">
      <h2>${cst('period_title', { from: this.from, to: this.to })}</h2>
      <div class="row">
        ${GROUPS.map((g) => html`<button class="btn" data-case-group=${g} aria-pressed=${this.by === g ? 'true' : 'false'} @click=${() => (this.by = g)}>${cst(`by_${g}`)}</button>`)}
        <button class="btn" data-testid="case-csv" ?disabled=${!this.rows?.length} @click=${() => this.download()}>${cst('csv')}</button>
      </div>
      ${this.error ? html`<p class="bad" role="alert">${this.error.message}</p>` : nothing}
      ${this.rows ? html`<yc-dash-case-table .rows=${this.rows}></yc-dash-case-table>` : nothing}
      <p class="muted">${cst('definitions')}</p>
    </section>`;
  }
}

customElements.define('yc-dash-case-period', YcDashCasePeriod);
