/** The ticket in hand: big number, matter, and its clock against the counter handling target. */
import { LitElement, css, html, nothing } from 'lit';
import type { TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { i18n, t } from '../i18n/messages';
import { currentTicketClock, formatDuration } from '../stores/counter-selectors';
import { shortcutLabel } from '../stores/shortcuts';
import { shared } from '../styles/shared.css';

export class YcCurrentTicket extends LitElement {
  static override properties = { ticket: { attribute: false }, now: { attribute: false }, targetMinutes: { attribute: false } };
  declare ticket: TicketView | null;
  declare now: number;
  declare targetMinutes: number;

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      section {
        padding: var(--yc-space-3) var(--yc-space-4) var(--yc-space-4);
        min-height: 210px;
        display: flex;
        flex-direction: column;
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
      }
      .phase {
        font-weight: 600;
        padding: 4px 10px;
        border-radius: 999px;
        font-size: 0.9rem;
      }
      .phase.called {
        background: var(--yc-accent-bg);
        color: var(--yc-accent);
      }
      .phase.serving {
        background: var(--yc-ok-bg);
        color: var(--yc-ok);
      }
      .number {
        font-size: 4.5rem;
        line-height: 1.05;
        font-weight: 800;
        letter-spacing: 0.04em;
        margin: var(--yc-space-3) 0 var(--yc-space-1);
      }
      .matter {
        font-size: 1.3rem;
        font-weight: 600;
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-top: var(--yc-space-2);
      }
      .clock {
        margin-top: auto;
        padding-top: var(--yc-space-3);
      }
      .clock-line {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        font-size: 1.05rem;
      }
      .clock-line strong {
        font-size: 1.5rem;
        padding: 0 8px;
        border-radius: 6px;
      }
      .bar {
        height: 8px;
        border-radius: 4px;
        background: #edf0f3;
        margin-top: var(--yc-space-2);
        overflow: hidden;
      }
      .bar > div {
        height: 100%;
        border-radius: 4px;
        background: currentColor;
      }
      .extra {
        margin: var(--yc-space-2) 0 0;
        font-size: 0.9rem;
      }
      .none {
        margin: auto 0;
        text-align: center;
        padding: var(--yc-space-4) 0;
      }
      .none p {
        margin: 0;
        font-size: 1.2rem;
      }
      .none .muted {
        margin-top: var(--yc-space-2);
        font-size: 0.95rem;
      }
    `,
  ];

  constructor() {
    super();
    this.ticket = null;
    this.now = Date.now();
    this.targetMinutes = 20;
    new StoreController(this, i18n.lang);
  }

  override render() {
    const ticket = this.ticket;
    return html`<section class="panel" aria-labelledby="title" data-testid="current-ticket" data-status=${ticket?.status ?? 'none'}>
      <div class="head">
        <h2 id="title">${t('current.title')}</h2>
        ${ticket ? html`<span class="phase ${ticket.status}">${t(ticket.status === 'serving' ? 'current.serving' : 'current.called')}</span>` : nothing}
      </div>
      ${ticket ? this.renderTicket(ticket) : this.renderNone()}
    </section>`;
  }

  private renderNone() {
    return html`<div class="none">
      <p>${t('current.none')}</p>
      <p class="muted">${t('current.noneHint', { key: shortcutLabel('call-next') })}</p>
    </div>`;
  }

  private renderTicket(ticket: TicketView) {
    const clock = currentTicketClock(ticket, this.now, this.targetMinutes);
    const time = formatDuration(clock.elapsedMs);
    const ratio = Math.min(1, clock.elapsedMs / (clock.targetMinutes * 60_000));
    return html`
      <div class="number tabular" data-testid="current-number">${ticket.number}</div>
      <div class="matter">${ticket.matterName}</div>
      <div class="tags">
        ${ticket.priorityReason ? html`<span class="tag priority">${t(`priority.${ticket.priorityReason}`)}</span>` : nothing}
        ${ticket.appointmentSlot ? html`<span class="tag">${t('ticket.appointment')}</span>` : nothing}
        ${ticket.complexity === 'complex' ? html`<span class="tag">${t('ticket.complex')}</span>` : nothing}
        ${ticket.recallCount > 0 ? html`<span class="tag">${t('current.recalls', { count: ticket.recallCount })}</span>` : nothing}
        ${ticket.visitorIdMasked ? html`<span class="tag">${t('current.visitor', { id: ticket.visitorIdMasked })}</span>` : nothing}
      </div>
      ${ticket.lastTransferReason ? html`<p class="extra muted">${t('current.transferred', { reason: ticket.lastTransferReason })}</p>` : nothing}
      <div class="clock" data-testid="current-clock" data-level=${clock.level ?? 'none'}>
        ${clock.phase === 'serving'
          ? html`<div class="clock-line">
                <span>${t('current.handling')} <strong class="tabular level-${clock.level}">${time}</strong></span>
                <span class="muted">${t('current.target', { minutes: clock.targetMinutes })}</span>
              </div>
              <div class="bar level-${clock.level}" aria-hidden="true"><div style="width:${Math.round(ratio * 100)}%"></div></div>`
          : html`<div class="clock-line"><span class="muted">${t('current.sinceCall', { time })}</span></div>`}
      </div>
    `;
  }
}

customElements.define('yc-current-ticket', YcCurrentTicket);
