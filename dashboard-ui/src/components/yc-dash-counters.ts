/** Every counter: serving whom and for how long (against the handling target), called, paused with reason, idle, closed, offline. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { i18n, t } from '../i18n/messages';
import type { CounterRow } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';

export class YcDashCounters extends LitElement {
  static override properties = { rows: { attribute: false }, target: { attribute: false } };
  declare rows: CounterRow[];
  declare target: number;

  static override styles = [
    tokens,
    dash,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
        gap: var(--yc-space-2);
      }
      .card {
        border: 1px solid var(--yc-border);
        border-left: 5px solid var(--yc-border);
        border-radius: 8px;
        padding: 8px 10px;
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 0.9rem;
      }
      .card.serving {
        border-left-color: var(--yc-ok);
      }
      .card.called {
        border-left-color: var(--yc-accent);
      }
      .card.paused {
        border-left-color: var(--yc-warn);
        background: var(--dash-warn-bg);
      }
      .card.closed {
        color: var(--yc-muted);
        background: #f7f8fa;
      }
      .card.offline {
        border-left-color: var(--yc-bad);
        border-style: dashed;
        color: var(--yc-bad);
      }
      .card.over {
        border-left-color: var(--yc-bad);
        background: var(--dash-bad-bg);
      }
      .top {
        display: flex;
        justify-content: space-between;
        font-weight: 700;
      }
      .ticket {
        font-size: 1.25rem;
        font-weight: 700;
      }
      .btn {
        align-self: flex-start;
        margin-top: auto;
        padding: 2px 8px;
        font-size: 0.8rem;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    return html`<section class="panel">
      <h2>${t('counters.title')}</h2>
      <div class="grid">
        ${this.rows.map(
          (r) => html`<div class="card ${r.state} ${r.overTarget ? 'over' : ''}" data-testid="counter-card" data-counter=${r.counter.number} data-state=${r.state}>
            <div class="top"><span>${t('counter.number', { n: r.counter.number })}</span><span>${t(`counter.${r.state}`)}</span></div>
            <div class="muted">${r.counter.name}</div>
            ${r.ticketNumber
              ? html`<div><span class="ticket" data-testid="counter-ticket">${r.ticketNumber}</span>
                  ${r.minutes !== null ? html`<span class=${r.overTarget ? 'bad' : 'muted'}> · ${t('counter.for', { n: Math.floor(r.minutes) })}</span>` : nothing}</div>
                  ${r.overTarget ? html`<div class="bad">${t('counter.over', { n: this.target })}</div>` : nothing}`
              : nothing}
            ${r.state === 'paused' && r.counter.pauseReason ? html`<div class="warn">${r.counter.pauseReason}</div>` : nothing}
            <div class="muted">
              ${[r.counter.staffName ?? (r.state === 'closed' ? '' : t('counter.noStaff')), t('counter.matters', { n: r.counter.matterIds.length })].filter(Boolean).join(' · ')}
            </div>
            <button class="btn" @click=${() => this.dispatchEvent(new CustomEvent('counter-matters', { detail: r.counter, bubbles: true, composed: true }))}>
              ${t('action.matters')}
            </button>
          </div>`,
        )}
      </div>
    </section>`;
  }
}

customElements.define('yc-dash-counters', YcDashCounters);
