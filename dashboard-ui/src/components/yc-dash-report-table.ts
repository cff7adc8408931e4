/** The report rows and their total: counts, wait/handling p50/p90, shares within target, appointments. */
import { LitElement, css, html } from 'lit';
import type { ReportRow, ReportView } from '../../../server/protocol/dashboard';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { percent } from '../i18n/format';
import { i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';

const pair = (a: number | null, b: number | null) => (a === null ? t('none') : `${a.toFixed(1)} / ${(b ?? 0).toFixed(1)}`);

export class YcDashReportTable extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: ReportView;

  static override styles = [
    tokens,
    dash,
    css`
      .scroll {
        overflow-x: auto;
      }
      tr.total td {
        font-weight: 700;
        border-top: 2px solid var(--yc-text);
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const v = this.view;
    const row = (r: ReportRow, label: string, cls = '') => html`<tr class=${cls}>
      <td>${label}</td>
      <td class="num">${r.tickets}</td>
      <td class="num">${r.served}</td>
      <td class="num">${r.noShows}</td>
      <td class="num">${r.cancelled}</td>
      <td class="num">${pair(r.waitP50, r.waitP90)}</td>
      <td class="num">${pair(r.handlingP50, r.handlingP90)}</td>
      <td class="num">${percent(r.wait.share)}</td>
      <td class="num">${percent(r.waitGeneral.share)}</td>
      <td class="num">${percent(r.waitComplex.share)}</td>
      <td class="num">${percent(r.handling.share)}</td>
      <td class="num">${r.appointments ? `${r.appointments.kept} / ${r.appointments.missed}` : t('reports.na')}</td>
    </tr>`;
    return html`<section class="panel scroll">
      <h2>${t(`group.${v.groupBy}`)} · ${v.from} – ${v.to}</h2>
      ${v.rows.length === 0
        ? html`<p class="muted">${t('reports.empty')}</p>`
        : html`<table data-testid="report-table">
            <thead>
              <tr>
                <th>${t(`group.${v.groupBy}`)}</th>
                <th class="num">${t('rcol.tickets')}</th>
                <th class="num">${t('rcol.served')}</th>
                <th class="num">${t('rcol.noShows')}</th>
                <th class="num">${t('rcol.cancelled')}</th>
                <th class="num">${t('rcol.wait')} (${t('rcol.min')})</th>
                <th class="num">${t('rcol.handling')} (${t('rcol.min')})</th>
                <th class="num">${t('rcol.waitShare')}</th>
                <th class="num">${t('rcol.general')}</th>
                <th class="num">${t('rcol.complex')}</th>
                <th class="num">${t('rcol.handlingShare')}</th>
                <th class="num">${t('rcol.appointments')}</th>
              </tr>
            </thead>
            <tbody>
              ${v.rows.map((r) => row(r, r.key === '' ? t('reports.noCounter') : r.label))}
              ${row(v.totals, t('reports.total'), 'total')}
            </tbody>
          </table>`}
    </section>`;
  }
}

customElements.define('yc-dash-report-table', YcDashReportTable);
