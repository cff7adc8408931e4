/** Waiting tickets at risk (≥ 80 % of target) or over target, worst first, with "history", "move" and "cancel" (作废, with a reason); 作废号码… cancels any open ticket. */
import { LitElement, css, html, nothing } from 'lit';
import type { TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { xt } from '../i18n/cancel-messages';
import { i18n, t } from '../i18n/messages';
import type { RiskRow } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';

export class YcDashRiskList extends LitElement {
  static override properties = { rows: { attribute: false } };
  declare rows: RiskRow[];

  static override styles = [
    tokens,
    dash,
    css`
      .risk-head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--yc-space-3);
      }
      /* A busy hall has dozens over target: about ten rows show, the rest scroll, so the counters below stay in reach. */
      .rows {
        max-height: 29rem;
        overflow-y: auto;
      }
      .count {
        font-weight: 400;
        margin-left: var(--yc-space-2);
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    return html`<section class="panel" data-testid="risk-list">
      <div class="risk-head">
        <h2>${t('risk.title')}${this.rows.length > 0 ? html`<span class="count muted" data-testid="risk-count">${t('risk.count', { n: this.rows.length })}</span>` : nothing}</h2>
        <button class="btn" data-testid="cancel-any" @click=${() => this.dispatchEvent(new CustomEvent('ticket-action', { detail: { kind: 'cancel', ticket: null }, bubbles: true, composed: true }))}>${xt('open')}</button>
      </div>
      ${this.rows.length === 0
        ? html`<p class="muted ok">${t('risk.empty')}</p>`
        : html`<div class="rows" data-testid="risk-rows"><table>
            <tbody>
              ${this.rows.map(
                (r) => html`<tr class=${r.risk} data-ticket=${r.ticket.number}>
                  <td><strong>${r.ticket.number}</strong></td>
                  <td>${r.ticket.matterName}</td>
                  <td><span class="tag ${r.risk === 'breached' ? 'bad' : 'warn'}">${t(r.risk === 'breached' ? 'risk.breached' : 'risk.at_risk')}</span>
                    ${r.flagged !== 'ok' ? html`<span class="tag muted" data-testid="server-flag">⚑ ${t('risk.flagged')}</span>` : nothing}</td>
                  <td class="num">${t('risk.waited', { n: Math.floor(r.waitedMinutes), t: r.ticket.waitTargetMinutes })}</td>
                  <td class="num">
                    <button class="btn" @click=${() => this.act('history', r.ticket)}>${t('action.history')}</button>
                    <button class="btn" @click=${() => this.act('move', r.ticket)}>${t('action.move')}</button>
                    <button class="btn" data-action="cancel" @click=${() => this.act('cancel', r.ticket)}>${xt('action')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`}
    </section>`;
  }

  private act(kind: 'history' | 'move' | 'cancel', ticket: TicketView) {
    this.dispatchEvent(new CustomEvent('ticket-action', { detail: { kind, ticket }, bubbles: true, composed: true }));
  }
}

customElements.define('yc-dash-risk-list', YcDashRiskList);
