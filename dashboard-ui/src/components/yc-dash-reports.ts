/** History reports: dates (hall-local), grouping, this hall or all; a chart, the table and a CSV export. */
import './yc-dash-case-period';
import { LitElement, css, html, nothing } from 'lit';
import type { ReportGroupBy } from '../../../server/protocol/dashboard';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app, download } from '../app-instance';
import { timeOf } from '../i18n/format';
import { describe, i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';
import './yc-dash-chart';
import './yc-dash-report-table';

/** The protocol's groupings (its runtime list lives beside zod, which the bundle does not need). */
const REPORT_GROUPS: ReportGroupBy[] = ['day', 'hour', 'zone', 'matter', 'counter', 'staff', 'hall'];

export class YcDashReports extends LitElement {
  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: grid;
        gap: var(--yc-space-3);
      }
      form {
        display: flex;
        gap: var(--yc-space-3);
        align-items: end;
        flex-wrap: wrap;
      }
    `,
  ];

  private readonly form = new StoreController(this, app.reports.form);
  private readonly result = new StoreController(this, app.reports.result);
  private readonly pending = new StoreController(this, app.reports.pending);
  private readonly error = new StoreController(this, app.reports.error);
  private readonly hallId = new StoreController(this, app.hallId);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  /** "生成于" in the hall's time zone, not the browser's (the report's hall, else the manager's first). */
  private timeZone(): string | undefined {
    const halls = app.halls.get();
    return (halls.find((h) => h.id === this.hallId.value) ?? halls[0])?.timeZone;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!app.reports.result.get()) void app.reports.run(app.hallId.get());
  }

  override render() {
    const f = this.form.value;
    const view = this.result.value;
    const err = this.error.value;
    const set = (patch: Parameters<typeof app.reports.setForm>[0]) => app.reports.setForm(patch);
    return html`<section class="panel">
        <form @submit=${(e: Event) => (e.preventDefault(), void app.reports.run(this.hallId.value))}>
          <div><label for="from">${t('reports.from')}</label><input id="from" type="date" .value=${f.from} @change=${(e: Event) => set({ from: (e.target as HTMLInputElement).value })} /></div>
          <div><label for="to">${t('reports.to')}</label><input id="to" type="date" .value=${f.to} @change=${(e: Event) => set({ to: (e.target as HTMLInputElement).value })} /></div>
          <div>
            <label for="groupBy">${t('reports.groupBy')}</label>
            <select id="groupBy" data-testid="group-by" @change=${(e: Event) => set({ groupBy: (e.target as HTMLSelectElement).value as ReportGroupBy })}>
              ${REPORT_GROUPS.map((g) => html`<option value=${g} ?selected=${g === f.groupBy}>${t(`group.${g}`)}</option>`)}
            </select>
          </div>
          <div>
            <label for="scope">${t('reports.scope')}</label>
            <select id="scope" @change=${(e: Event) => set({ scope: (e.target as HTMLSelectElement).value as 'hall' | 'all' })}>
              <option value="hall" ?selected=${f.scope === 'hall'}>${t('reports.scope.hall')}</option>
              <option value="all" ?selected=${f.scope === 'all'}>${t('reports.scope.all')}</option>
            </select>
          </div>
          <button class="btn primary" type="submit" data-testid="report-run" ?disabled=${this.pending.value}>${t('reports.run')}</button>
          <button class="btn" type="button" data-testid="report-csv"
            @click=${() => void download(app.reports.call(this.hallId.value, 'csv', i18n.lang.get()), 'report.csv')}>${t('reports.csv')}</button>
        </form>
        ${err ? html`<p class="problem" role="alert">${describe(err)}</p>` : nothing}
        ${view ? html`<p class="muted">${t('reports.took', { at: timeOf(view.generatedAt, this.timeZone()), ms: view.tookMs })}</p>` : nothing}
      </section>
      ${view && view.rows.length > 0
        ? html`<section class="panel">
            <h2>${t('reports.chart')}</h2>
            <yc-dash-chart
              .height=${260}
              .labels=${view.rows.map((r) => (r.key === '' ? t('reports.noCounter') : r.label))}
              .bars=${[
                { label: t('rcol.tickets'), data: view.rows.map((r) => r.tickets), color: '#9db7d5' },
                { label: t('rcol.served'), data: view.rows.map((r) => r.served), color: '#1b7f3b' },
              ]}
              .line=${{ label: t('rcol.waitShare'), data: view.rows.map((r) => (r.wait.share === null ? null : Math.round(r.wait.share * 1000) / 10)), color: '#b71c1c' }}
            ></yc-dash-chart>
          </section>`
        : nothing}
      ${view ? html`<yc-dash-report-table .view=${view}></yc-dash-report-table>` : html`<p class="muted">${t('loading')}</p>`}
      ${view && f.scope === 'hall' ? html`<yc-dash-case-period .hallId=${this.hallId.value} .from=${f.from} .to=${f.to}></yc-dash-case-period>` : nothing}`;
  }
}

customElements.define('yc-dash-reports', YcDashReports);
