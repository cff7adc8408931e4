/** Waiting per zone or per matter: count, longest wait against its target, at risk / over target. */
import { LitElement, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { minutes } from '../i18n/format';
import { i18n, t } from '../i18n/messages';
import { riskOfRatio, type QueueRow } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';

export class YcDashQueueTable extends LitElement {
  static override properties = { title: { attribute: false }, rows: { attribute: false }, empty: { attribute: false } };
  declare title: string;
  declare rows: QueueRow[];
  declare empty: string;

  static override styles = [tokens, dash];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    return html`<section class="panel">
      <h2>${this.title}</h2>
      ${this.rows.length === 0 && this.empty
        ? html`<p class="muted">${this.empty}</p>`
        : html`<table>
            <thead>
              <tr>
                <th>${t('col.name')}</th>
                <th class="num">${t('col.waiting')}</th>
                <th class="num">${t('col.longest')}</th>
                <th class="num">${t('col.target')}</th>
                <th class="num">${t('col.risk')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.map(
                (r) => html`<tr class=${riskOfRatio(r.worstRatio) === 'ok' ? '' : riskOfRatio(r.worstRatio)} data-id=${r.id}>
                  <td>${r.name}</td>
                  <td class="num" data-testid="waiting">${r.waiting}</td>
                  <td class="num">${minutes(r.longestMinutes)}</td>
                  <td class="num muted">${r.longestTargetMinutes === null ? t('none') : minutes(r.longestTargetMinutes)}</td>
                  <td class="num">
                    ${r.atRisk ? html`<span class="warn">${r.atRisk}</span>` : '0'} /
                    ${r.breached ? html`<span class="bad">${r.breached}</span>` : '0'}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${nothing}
    </section>`;
  }
}

customElements.define('yc-dash-queue-table', YcDashQueueTable);
