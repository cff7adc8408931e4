/** Case figures per group (matter, department or counter): the live panel's and the period report's table. */
import { LitElement, html } from 'lit';
import type { CaseFigures } from '../../../server/protocol/cases';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { cst } from '../i18n/case-messages';
import { i18n } from '../i18n/messages';
import { dash } from '../styles/dash.css';

/** 一次性通过率 target (docs/domain.md §8). */
export const PASS_RATE_TARGET = 0.9;

export const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** The columns, in order, as the table and the CSV show them. */
export function caseColumns(): { label: string; value: (r: CaseFigures) => string | number }[] {
  return [
    { label: cst('col_key'), value: (r) => r.key },
    { label: cst('col_opened'), value: (r) => r.opened },
    { label: cst('accepted'), value: (r) => r.accepted },
    { label: cst('notice'), value: (r) => r.notice },
    { label: cst('tolerated'), value: (r) => r.tolerated },
    { label: cst('not_accepted'), value: (r) => r.notAccepted },
    { label: cst('pass_rate'), value: (r) => pct(r.firstVisitPassRate) },
    { label: cst('within_limit'), value: (r) => pct(r.withinLimitShare) },
    { label: cst('overdue'), value: (r) => r.overdue },
    { label: cst('on_the_spot'), value: (r) => pct(r.onTheSpotShare) },
  ];
}

export class YcDashCaseTable extends LitElement {
  static override properties = { rows: { attribute: false } };
  declare rows: CaseFigures[];
  static override styles = [tokens, dash];

  constructor() {
    super();
    this.rows = [];
    new StoreController(this, i18n.lang);
  }

  override render() {
    if (this.rows.length === 0) return html`<p class="muted">${cst('none')}</p>`;
    const cols = caseColumns();
    return html`<table data-testid="case-table">
      <thead>
        <tr>${cols.map((c, i) => html`<th class=${i === 0 ? '' : 'num'}>${c.label}</th>`)}</tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (r) => html`<tr data-case-row=${r.key}>
            ${cols.map((c, i) => {
              const bad = (i === 6 && r.firstVisitPassRate !== null && r.firstVisitPassRate < PASS_RATE_TARGET) || (i === 8 && r.overdue > 0);
              return html`<td class="${i === 0 ? '' : 'num'} ${bad ? 'bad' : ''}">${c.value(r)}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('yc-dash-case-table', YcDashCaseTable);
