/** A list of tickets to select from: the queue (with live waits), parked or missed tickets. */
import { LitElement, css, html, nothing } from 'lit';
import type { TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { i18n, t } from '../i18n/messages';
import type { ListKind } from '../stores/counter-desk';
import { formatClockTime, formatDuration, waitingRows } from '../stores/counter-selectors';
import { shortcutLabel } from '../stores/shortcuts';
import { shared } from '../styles/shared.css';

const TEXT = {
  waiting: { title: 'waiting.title', empty: 'waiting.empty' },
  parked: { title: 'parked.title', empty: 'parked.empty' },
  missed: { title: 'missed.title', empty: 'missed.empty' },
} as const;

export class YcTicketList extends LitElement {
  static override properties = {
    kind: {},
    tickets: { attribute: false },
    now: { attribute: false },
    selectedId: { attribute: false },
    timeZone: { attribute: false },
  };
  declare kind: ListKind;
  declare tickets: TicketView[];
  declare now: number;
  declare selectedId: string | null;
  declare timeZone: string;

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      section {
        display: flex;
        flex-direction: column;
        min-height: 0;
        flex: 1;
      }
      .count {
        font-size: 0.9rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0 var(--yc-space-2) var(--yc-space-2);
        overflow-y: auto;
        flex: 1;
        min-height: 0;
      }
      .row {
        display: grid;
        grid-template-columns: 5.2rem 1fr auto;
        align-items: center;
        gap: var(--yc-space-2);
        width: 100%;
        padding: 8px 10px;
        border: 1px solid transparent;
        border-radius: 8px;
        background: transparent;
        text-align: left;
        color: inherit;
      }
      .row:hover {
        background: #f3f6f9;
      }
      .row[aria-pressed='true'] {
        background: var(--yc-selected);
        border-color: var(--yc-accent);
      }
      li + li {
        margin-top: 2px;
      }
      .num {
        font-size: 1.2rem;
        font-weight: 700;
      }
      .matter {
        min-width: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 6px;
        align-items: center;
      }
      .matter > span:first-child {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        max-width: 100%;
      }
      .wait {
        text-align: right;
        padding: 2px 8px;
        border-radius: 6px;
        font-size: 1.05rem;
        line-height: 1.3;
      }
      .wait small {
        display: block;
        font-size: 0.72rem;
        font-weight: 400;
        opacity: 0.85;
      }
      .wait-ok {
        color: var(--yc-ok);
        background: var(--yc-ok-bg);
      }
      .wait-warn {
        color: var(--yc-warn);
        background: var(--yc-warn-bg);
      }
      .wait-over {
        color: var(--yc-bad);
        background: var(--yc-bad-bg);
        font-weight: 700;
      }
      .empty {
        padding: var(--yc-space-3);
        margin: 0;
        text-align: center;
      }
      .foot {
        display: flex;
        flex-wrap: wrap;
        gap: var(--yc-space-3);
        padding: var(--yc-space-2) var(--yc-space-3);
        border-top: 1px solid var(--yc-border);
        font-size: 0.8rem;
      }
      .lg-ok::before {
        color: var(--yc-ok);
      }
      .lg-warn::before {
        color: var(--yc-warn);
      }
      .lg-over::before {
        color: var(--yc-bad);
      }
      .hint {
        margin-left: auto;
      }
      .dot::before {
        content: '';
        display: inline-block;
        width: 9px;
        height: 9px;
        border-radius: 50%;
        margin-right: 5px;
        background: currentColor;
      }
    `,
  ];

  constructor() {
    super();
    this.kind = 'waiting';
    this.tickets = [];
    this.now = Date.now();
    this.selectedId = null;
    this.timeZone = 'Asia/Shanghai';
    new StoreController(this, i18n.lang);
  }

  override render() {
    const text = TEXT[this.kind];
    const n = this.tickets.length;
    return html`<section class="panel" aria-labelledby="title" data-testid="list-${this.kind}">
      <div class="panel-head">
        <h2 id="title">${t(text.title)}</h2>
        ${this.kind === 'waiting' ? html`<span class="count muted">${t('waiting.count', { count: n })}</span>` : html`<span class="count muted">${n}</span>`}
      </div>
      ${n === 0 ? html`<p class="empty muted">${t(text.empty)}</p>` : html`<ul @keydown=${this.onKeyDown}>${this.renderRows()}</ul>`}
      ${this.kind === 'waiting' ? this.renderLegend() : nothing}
    </section>`;
  }

  private renderRows() {
    if (this.kind !== 'waiting') return this.tickets.map((ticket) => this.renderRow(ticket, html`<span class="muted tabular">${formatClockTime(ticket.calledAt, this.timeZone)}</span>`));
    return waitingRows(this.tickets, this.now).map(({ ticket, waitMs, level }) =>
      this.renderRow(
        ticket,
        html`<span class="wait tabular wait-${level}" data-level=${level}
          >${formatDuration(waitMs)}<small>${t('waiting.target', { minutes: ticket.waitTargetMinutes })}</small></span
        >`,
      ),
    );
  }

  private renderRow(ticket: TicketView, end: unknown) {
    const selected = ticket.id === this.selectedId;
    return html`<li>
      <button class="row" type="button" aria-pressed=${selected ? 'true' : 'false'} data-ticket=${ticket.number} @click=${() => this.select(ticket)}>
        <span class="num tabular">${ticket.number}</span>
        <span class="matter">
          <span>${ticket.matterName}</span>
          ${ticket.priorityReason ? html`<span class="tag priority">${t(`priority.${ticket.priorityReason}`)}</span>` : nothing}
          ${ticket.appointmentSlot ? html`<span class="tag">${t('ticket.appointment')}</span>` : nothing}
          ${ticket.transferCount > 0 && this.kind === 'waiting' ? html`<span class="tag">${t('ticket.transferred')}</span>` : nothing}
        </span>
        ${end}
      </button>
    </li>`;
  }

  private renderLegend() {
    return html`<div class="foot muted">
      <span class="dot lg-ok">${t('waiting.legend.ok')}</span>
      <span class="dot lg-warn">${t('waiting.legend.warn')}</span>
      <span class="dot lg-over">${t('waiting.legend.over')}</span>
      <span class="hint">${t('waiting.selectHint', { key: shortcutLabel('call-selected') })}</span>
    </div>`;
  }

  private select(ticket: TicketView) {
    this.dispatchEvent(new CustomEvent('ticket-select', { detail: { list: this.kind, ticketId: ticket.id }, bubbles: true, composed: true }));
  }

  /** Arrow keys move between rows; the focused row is selected with Enter or Space (native button). */
  private onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.row')];
    const i = rows.indexOf(this.renderRoot.querySelector<HTMLButtonElement>('.row:focus') ?? rows[0]!);
    const next = rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }
}

customElements.define('yc-ticket-list', YcTicketList);
