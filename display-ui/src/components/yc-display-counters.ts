/** One tile per staffed counter: its number and the ticket it is calling or serving. */
import { LitElement, css, html } from 'lit';
import type { PublicCounterView } from '../../../server/protocol/views';
import { splitMessage, type DisplayI18n } from '../i18n/messages';
import { displayTheme } from '../styles/display-theme';
import { counterGrid } from '../styles/counter-grid';

export class YcDisplayCounters extends LitElement {
  static override properties = {
    counters: { attribute: false },
    i18n: { attribute: false },
    highlight: { attribute: false },
  };
  declare counters: PublicCounterView[];
  declare i18n: DisplayI18n;
  /** Counter number being called right now. */
  declare highlight: number | null;

  constructor() {
    super();
    this.counters = [];
    this.highlight = null;
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        box-sizing: border-box;
        padding: calc(var(--u) * 14);
      }
      .grid {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
        grid-template-rows: repeat(var(--rows), minmax(0, 1fr));
        gap: calc(var(--u) * 14);
      }
      .tile {
        /* Type is sized from the tile (container units): any grid keeps the ticket number whole. */
        container-type: size;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        background: var(--yc-surface-2);
        border: calc(var(--u) * 3) solid transparent;
        border-radius: calc(var(--u) * 10);
        min-width: 0;
        min-height: 0;
        overflow: hidden;
      }
      .tile.hot {
        border-color: var(--yc-flash);
        background: #3a2a06;
      }
      .counter-no {
        font-size: min(24cqh, 17cqw, calc(var(--u) * 48));
        line-height: 1.2;
      }
      .counter-no small {
        font-size: 0.72em;
        color: var(--yc-text);
        font-weight: 600;
      }
      .ticket {
        font-size: min(44cqh, 30cqw, calc(var(--u) * 100));
        line-height: 1.25;
      }
      .state {
        font-size: min(24cqh, 18cqw, calc(var(--u) * 44));
        line-height: 1.2;
        color: var(--yc-muted);
        white-space: nowrap;
      }
      .state.paused {
        color: var(--yc-paused);
        font-weight: 700;
      }
      .none {
        font-size: calc(var(--u) * 44);
        color: var(--yc-muted);
      }
    `,
  ];

  override render() {
    const { cols, rows } = counterGrid(this.counters.length);
    const [before, after] = splitMessage(this.i18n, 'call.counter');
    return html`
      ${this.counters.length === 0
        ? html`<div class="none">${this.i18n.t('counters.none')}</div>`
        : html`<div class="grid" role="list" aria-label=${this.i18n.t('counters.title')} style="--cols:${cols};--rows:${rows}" data-testid="counters">
            ${this.counters.map(
              (c) => html`<div class="tile ${this.highlight === c.number ? 'hot' : ''}" data-counter=${c.number}>
                <span class="counter-no">${before ? html`<small>${before}</small>` : null}${c.number}<small>${after}</small></span>
                ${c.status === 'paused'
                  ? html`<span class="state paused">${this.i18n.t('counters.paused')}</span>`
                  : c.currentTicketNumber
                    ? html`<span class="ticket">${c.currentTicketNumber}</span>`
                    : html`<span class="state">${this.i18n.t('counters.idle')}</span>`}
              </div>`,
            )}
          </div>`}
    `;
  }
}

customElements.define('yc-display-counters', YcDisplayCounters);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-counters': YcDisplayCounters;
  }
}
