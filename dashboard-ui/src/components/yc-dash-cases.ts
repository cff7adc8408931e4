/**
 * 今日办件 on the live dashboard: accepted / 一次性告知 / 容缺 / 不予受理, 一次性通过率 against its
 * 90 % target, the share finished within the promised limit, overdue cases and the share done on the
 * spot — for the hall and per matter, department or counter — and the case alerts (at risk at 80 % of
 * the limit, overdue, 容缺 promise overdue), live from the hall's case facts (docs/cases.md).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CaseFigures as CaseFiguresView } from '../../../server/protocol/cases';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { cst } from '../i18n/case-messages';
import { i18n } from '../i18n/messages';
import type { CaseFiguresState, CaseGroup } from '../stores/case-figures-store';
import { dash } from '../styles/dash.css';
import { pct, PASS_RATE_TARGET } from './yc-dash-case-table';
import './yc-dash-case-table';

const GROUPS: CaseGroup[] = ['matter', 'department', 'counter'];

export class YcDashCases extends LitElement {
  static override properties = { hallId: {}, date: {} };
  declare hallId: string;
  declare date: string;
  private readonly stateCtl = new StoreController<CaseFiguresState>(this, app.caseFigures.state);

  static override styles = [
    tokens,
    dash,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(8, minmax(0, 1fr));
        gap: 8px;
        margin-bottom: 12px;
      }
      .tile {
        border: 1px solid var(--yc-border, #d5dbe3);
        border-radius: 8px;
        padding: 8px 10px;
        min-width: 0;
      }
      .tile .label {
        font-size: 0.85rem;
        color: var(--yc-muted, #5b6675);
      }
      .tile .value {
        font-size: 1.6rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .tile .sub {
        font-size: 0.8rem;
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 16px;
      }
      .tabs {
        display: flex;
        gap: 6px;
        margin-bottom: 6px;
      }
      .tabs button[aria-pressed='true'] {
        font-weight: 700;
        border-color: var(--yc-accent, #0b5cad);
      }
      .defs {
        font-size: 0.8rem;
        margin: 6px 0 0;
      }
      h3 {
        margin: 0 0 6px;
        font-size: 1rem;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override willUpdate(): void {
    if (this.hallId && this.date) app.caseFigures.show(this.hallId, this.date);
  }

  override render() {
    const s = this.stateCtl.value;
    const total = s.total;
    return html`<section class="panel" data-testid="case-figures">
      <h2>${cst('title')}</h2>
      ${s.error ? html`<p class="bad" role="alert">${s.error.message}</p>` : nothing}
      ${this.tiles(total)}
      <div class="cols">
        <div>${this.table(s)}</div>
        <div>${this.alerts(s)}</div>
      </div>
      <p class="muted defs">${cst('definitions')}</p>
    </section>`;
  }

  private tiles(f: CaseFiguresView | null) {
    const n = (v: number | undefined) => String(v ?? 0);
    const pass = f?.firstVisitPassRate ?? null;
    const passClass = pass === null ? '' : pass >= PASS_RATE_TARGET ? 'ok' : 'bad';
    return html`<div class="tiles">
      <div class="tile" data-kpi="accepted"><div class="label">${cst('accepted')}</div><div class="value">${n(f?.accepted)}</div></div>
      <div class="tile" data-kpi="notice"><div class="label">${cst('notice')}</div><div class="value">${n(f?.notice)}</div></div>
      <div class="tile" data-kpi="tolerated"><div class="label">${cst('tolerated')}</div><div class="value">${n(f?.tolerated)}</div></div>
      <div class="tile" data-kpi="not-accepted"><div class="label">${cst('not_accepted')}</div><div class="value">${n(f?.notAccepted)}</div></div>
      <div class="tile" data-kpi="pass-rate"><div class="label">${cst('pass_rate')}</div><div class="value ${passClass}">${pct(pass)}</div><div class="sub muted">${cst('pass_target', { target: PASS_RATE_TARGET * 100 })}</div></div>
      <div class="tile" data-kpi="within-limit"><div class="label">${cst('within_limit')}</div><div class="value">${pct(f?.withinLimitShare ?? null)}</div></div>
      <div class="tile" data-kpi="overdue"><div class="label">${cst('overdue')}</div><div class="value ${(f?.overdue ?? 0) > 0 ? 'bad' : ''}">${n(f?.overdue)}</div></div>
      <div class="tile" data-kpi="on-the-spot"><div class="label">${cst('on_the_spot')}</div><div class="value">${pct(f?.onTheSpotShare ?? null)}</div></div>
    </div>`;
  }

  private table(s: CaseFiguresState) {
    return html`<div class="tabs" role="group">
        ${GROUPS.map((g) => html`<button class="btn" data-case-group=${g} aria-pressed=${s.by === g ? 'true' : 'false'} @click=${() => app.caseFigures.setBy(g)}>${cst(`by_${g}`)}</button>`)}
      </div>
      <yc-dash-case-table .rows=${s.rows}></yc-dash-case-table>`;
  }

  private alerts(s: CaseFiguresState) {
    return html`<h3>${cst('alerts_title')}</h3>
      ${s.alerts.length === 0
        ? html`<p class="muted ok" data-testid="case-alerts-none">${cst('alerts_none')}</p>`
        : html`<table data-testid="case-alerts">
            <tbody>
              ${s.alerts.map(
                (a) => html`<tr data-case-alert=${a.kind} data-case=${a.number}>
                  <td><span class="tag ${a.kind === 'at_risk' ? 'warn' : 'bad'}">${cst(`alert_${a.kind}`)}</span>${a.fresh ? html` <span class="tag">${cst('fresh')}</span>` : nothing}</td>
                  <td><strong>${a.number}</strong></td>
                  <td>${a.matterName}</td>
                  <td class="num">${a.kind === 'promise_overdue' ? `${cst('col_promise')} ${a.promiseDate ?? ''}` : `${cst('col_due')} ${a.dueDate ?? ''}`}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }
}

customElements.define('yc-dash-cases', YcDashCases);
