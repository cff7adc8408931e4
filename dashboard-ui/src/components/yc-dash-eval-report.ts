/** The 好差评 report of the selected hall: counts and 好评率 / 差评率 per group, bad reviews closed on time, CSV. */
import { LitElement, css, html } from 'lit';
import type { EvaluationGroupBy } from '../../../server/protocol/evaluations';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app, download } from '../app-instance';
import { et, type EvalKey } from '../i18n/evaluation-messages';
import { describe, i18n } from '../i18n/messages';
import { dash } from '../styles/dash.css';
import { pct } from './yc-dash-evaluations';
import { localDate } from '../stores/report-store';

const GROUPS: EvaluationGroupBy[] = ['hall', 'zone', 'matter', 'department', 'counter', 'staff', 'day'];

export class YcDashEvalReport extends LitElement {
  static override properties = { from: { state: true }, to: { state: true }, groupBy: { state: true } };
  declare from: string;
  declare to: string;
  declare groupBy: EvaluationGroupBy;
  private readonly st = new StoreController(this, app.evaluations.state);

  constructor() {
    super();
    // The hall's calendar day, not the UTC one (before 08:00 in Shanghai the UTC date is yesterday).
    const today = localDate(app.now.get());
    this.from = `${today.slice(0, 8)}01`;
    this.to = today;
    this.groupBy = 'staff';
    new StoreController(this, i18n.lang);
  }

  static override styles = [
    tokens,
    dash,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: var(--yc-space-3);
        align-items: center;
        margin-bottom: var(--yc-space-3);
      }
      .controls label {
        display: inline-flex;
        gap: var(--yc-space-2);
        align-items: center;
      }
    `,
  ];

  private q() {
    return { from: this.from, to: this.to, groupBy: this.groupBy };
  }

  override render() {
    const s = this.st.value;
    const v = s.report;
    return html`<section class="panel" data-testid="eval-report">
      <h2>${et('report_title')}</h2>
      <div class="controls">
        <label>${et('from')} <input type="date" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label>${et('to')} <input type="date" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <label>${et('group_by')}
          <select .value=${this.groupBy} @change=${(e: Event) => (this.groupBy = (e.target as HTMLSelectElement).value as EvaluationGroupBy)}>
            ${GROUPS.map((g) => html`<option value=${g} ?selected=${g === this.groupBy}>${et(`g_${g}` as EvalKey)}</option>`)}
          </select>
        </label>
        <button class="btn" data-testid="eval-report-run" @click=${() => void app.evaluations.runReport(this.q())}>${et('run')}</button>
        <button class="btn" @click=${() => {
          const csv = app.evaluations.csvCall({ ...this.q(), lang: i18n.lang.get() });
          if (csv) void download(csv, 'evaluations.csv');
        }}>${et('csv')}</button>
      </div>
      ${s.reportError ? html`<p class="bad" role="alert">${describe(s.reportError)}</p>` : ''}
      ${v
        ? html`<table>
              <thead>
                <tr>
                  <th>${et(`g_${v.groupBy}` as EvalKey)}</th><th class="num">${et('total')}</th><th class="num">${et('good_rate')}</th><th class="num">${et('bad_rate')}</th>
                  <th class="num">${et('bad_reviews')}</th><th class="num">${et('closed')}</th><th class="num">${et('closed_on_time')}</th><th class="num">${et('appeal_upheld')}</th>
                </tr>
              </thead>
              <tbody>
                ${[...v.rows, { ...v.totals, label: '合计 / Total' }].map(
                  (r) => html`<tr>
                    <td>${r.label || '—'}</td><td class="num">${r.total}</td><td class="num">${pct(r.goodRate)}</td><td class="num">${pct(r.badRate)}</td>
                    <td class="num">${r.badReviews}</td><td class="num">${r.closed}</td><td class="num">${r.closedOnTime}</td><td class="num">${r.appealUpheld}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            <p class="muted">${et('rate_definition')}</p>`
        : ''}
    </section>`;
  }
}

customElements.define('yc-dash-eval-report', YcDashEvalReport);
