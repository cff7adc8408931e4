/** The 好差评 view of one hall: today's ratings, alerts, the open bad reviews, one review's handling, the report. */
import { LitElement, css, html, nothing } from 'lit';
import { LEVEL_NAMES, REASON_NAMES, STATE_NAMES, type BadReviewView, type BadReviewReason } from '../../../server/protocol/evaluations';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { et, type EvalKey } from '../i18n/evaluation-messages';
import { describe, i18n } from '../i18n/messages';
import { dash } from '../styles/dash.css';
import './yc-dash-bad-review';
import './yc-dash-eval-report';

export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function dueOf(r: BadReviewView): string {
  if (r.deadlineProblem) return et('deadline_unknown');
  return r.stage && r.deadlines ? `${et(`stage_${r.stage}` as EvalKey)} ${r.deadlines.dueDates[r.stage]}` : '—';
}

export class YcDashEvaluations extends LitElement {
  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: grid;
        gap: var(--yc-space-3);
        grid-template-columns: minmax(0, 1fr);
      }
      .wide {
        grid-column: 1 / -1;
      }
      .kpis {
        display: flex;
        flex-wrap: wrap;
        gap: var(--yc-space-4);
        align-items: baseline;
      }
      .kpi b {
        display: block;
        font-size: 1.6rem;
      }
      .alerts {
        padding: var(--yc-space-2) var(--yc-space-3);
        border-radius: var(--yc-radius);
        font-weight: 700;
      }
      .alerts.on {
        background: var(--dash-bad-bg);
        color: var(--yc-bad);
      }
      .alerts.off {
        background: var(--dash-ok-bg);
        color: var(--yc-ok);
      }
      tr[data-selected='true'] {
        outline: 2px solid var(--yc-accent);
      }
      tr.overdue {
        background: var(--dash-bad-bg);
      }
      tbody tr {
        cursor: pointer;
      }
      .scroll {
        overflow-x: auto;
      }
    `,
  ];

  private readonly st = new StoreController(this, app.evaluations.state);
  private readonly hallId = new StoreController(this, app.hallId);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override willUpdate(): void {
    // The shell keeps the store on the selected hall (app.evaluations.show); just follow it.
    void this.hallId.value;
  }

  override render() {
    const s = this.st.value;
    const lang = i18n.lang.get();
    if (s.error) return html`<p class="panel wide" role="alert">${describe(s.error)}</p>`;
    const today = s.today;
    if (!today) return html`<p class="muted wide">…</p>`;
    const r = today.ratings;
    const selected = today.openBadReviews.find((x) => x.id === s.selectedId) ?? null;
    const alertsOn = today.alerts.atRisk + today.alerts.overdue > 0;
    return html`
      <section class="panel wide" data-testid="eval-today">
        <h2>${et('title_today')} · ${today.serviceDate}</h2>
        <div class="kpis">
          <div class="kpi"><span class="muted">${et('total')}</span><b>${r.total}</b></div>
          <div class="kpi"><span class="muted">${et('good_rate')}</span><b class="ok">${pct(r.goodRate)}</b></div>
          <div class="kpi"><span class="muted">${et('bad_rate')}</span><b class="bad">${pct(r.badRate)}</b></div>
          ${([5, 4, 3, 2, 1] as const).map((l) => html`<div class="kpi"><span class="muted">${LEVEL_NAMES[l][lang]}</span><b>${r.byLevel[String(l) as '1']}</b></div>`)}
        </div>
        <p class="muted">${et('rate_definition')}</p>
        <div class="alerts ${alertsOn ? 'on' : 'off'}" role="status" data-testid="eval-alerts">
          ${alertsOn ? et('alerts', { risk: today.alerts.atRisk, over: today.alerts.overdue }) : et('alerts_none')}
        </div>
      </section>
      <section class="panel scroll">
        <h2>${et('open_title')}</h2>
        ${today.openBadReviews.length === 0
          ? html`<p class="muted">${et('open_none')}</p>`
          : html`<table data-testid="bad-review-table">
              <thead>
                <tr>
                  ${(['col_level', 'col_date', 'col_ticket', 'col_matter', 'col_counter', 'col_staff', 'col_evaluator', 'col_state', 'col_due', 'col_alert'] as const).map((k) => html`<th>${et(k)}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${today.openBadReviews.map(
                  (b) => html`<tr class=${b.alert} data-selected=${b.id === s.selectedId ? 'true' : 'false'} data-review=${b.id} @click=${() => app.evaluations.select(b.id)}>
                    <td class="bad">${b.level} ${LEVEL_NAMES[b.level][lang]}</td>
                    <td>${b.serviceDate}</td>
                    <td>${b.ticketNumber}</td>
                    <td>${b.matterName}</td>
                    <td>${b.counterNumber}</td>
                    <td>${b.staffName ?? '—'}</td>
                    <td>${b.evaluatorMasked ?? et('anonymous')}</td>
                    <td>${STATE_NAMES[b.state][lang]}</td>
                    <td>${dueOf(b)}</td>
                    <td class=${b.alert === 'overdue' ? 'bad' : b.alert === 'at_risk' ? 'warn' : 'ok'}>${et(`alert_${b.alert}` as EvalKey)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      </section>
      ${selected
        ? html`<yc-dash-bad-review .review=${selected} .busy=${s.stepBusy} .error=${s.stepError}></yc-dash-bad-review>`
        : html`<section class="panel"><h2>${et('detail_title')}</h2><p class="muted">${et('detail_hint')}</p></section>`}
      <yc-dash-eval-report class="wide"></yc-dash-eval-report>
    `;
  }
}

export const reasonName = (r: string, lang: 'zh-CN' | 'en') => REASON_NAMES[r as BadReviewReason]?.[lang] ?? r;

customElements.define('yc-dash-evaluations', YcDashEvaluations);
