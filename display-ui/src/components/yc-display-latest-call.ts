/** The call on the big panel (the one being announced, else the newest), as large as the panel allows. */
import { LitElement, css, html } from 'lit';
import type { CallView } from '../../../server/protocol/views';
import { splitMessage, type DisplayI18n } from '../i18n/messages';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayLatestCall extends LitElement {
  static override properties = {
    call: { attribute: false },
    i18n: { attribute: false },
    flash: { type: Boolean, reflect: true },
  };
  declare call: CallView | null;
  declare i18n: DisplayI18n;
  /** Set while the call is new (being announced): the panel lights up. */
  declare flash: boolean;

  constructor() {
    super();
    this.call = null;
    this.flash = false;
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        /* Everything is sized from the panel (container units): a short panel (40 counters and a notice) keeps the call whole. */
        container-type: size;
        display: block;
        height: 100%;
        box-sizing: border-box;
        background: var(--yc-surface);
        border: calc(var(--u) * 4) solid var(--yc-border);
        border-radius: var(--yc-radius);
        position: relative;
        overflow: hidden;
      }
      .call {
        /* --t: the ticket number's size; the other lines follow it. Height: 1.2t + 1.2·0.57t + 1.3·0.17t ≈ 2.1t. */
        --t: min(calc((100cqh - var(--u) * 40) / 2.15), 15cqw, calc(var(--u) * 225));
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
        height: 100%;
        box-sizing: border-box;
        padding: calc(var(--u) * 12) calc(var(--u) * 36);
      }
      :host([flash]) {
        border-color: var(--yc-flash);
      }
      .row {
        display: flex;
        align-items: baseline;
        justify-content: center;
        gap: calc(var(--t) * 0.1);
        max-width: 100%;
      }
      .word {
        font-size: calc(var(--t) * 0.36);
        font-weight: 700;
        white-space: nowrap;
      }
      .ticket {
        font-size: var(--t);
        line-height: 1.2;
      }
      .counter-no {
        font-size: calc(var(--t) * 0.57);
        line-height: 1.2;
      }
      .counter-no small {
        font-size: 0.6em;
        font-weight: 700;
        color: var(--yc-text);
      }
      .detail {
        font-size: min(calc(var(--t) * 0.17), calc(var(--u) * 40));
        line-height: 1.3;
        color: var(--yc-muted);
        max-width: 100%;
      }
      .recall {
        position: absolute;
        top: calc(var(--u) * 14);
        right: calc(var(--u) * 18);
        font-size: min(calc(var(--u) * 40), 8cqh);
        font-weight: 800;
        color: #000;
        background: var(--yc-flash);
        padding: calc(var(--u) * 4) calc(var(--u) * 22);
        border-radius: calc(var(--u) * 10);
      }
      .none {
        display: grid;
        place-items: center;
        height: 100%;
        font-size: min(calc(var(--u) * 96), 30cqh);
        font-weight: 700;
        color: var(--yc-muted);
      }
    `,
  ];

  /** Every new call (a recall too) lights the panel up again. */
  protected override updated(changed: Map<string, unknown>): void {
    const before = changed.get('call') as CallView | null | undefined;
    if (!changed.has('call') || !this.call || before?.seq === this.call.seq || !this.flash) return;
    this.animate?.([{ backgroundColor: '#0c1626' }, { backgroundColor: '#4a3505' }, { backgroundColor: '#0c1626' }], {
      duration: 1200,
      iterations: 4,
      easing: 'ease-in-out',
    });
  }

  override render() {
    const c = this.call;
    if (!c) return html`<div class="none">${this.i18n.t('call.none')}</div>`;
    const [before, after] = splitMessage(this.i18n, 'call.counter');
    const suffix = this.i18n.t('call.ticket');
    return html`
      ${c.recall ? html`<span class="recall">${this.i18n.t('call.recall')}</span>` : null}
      <div class="call"><div class="row">
        <span class="word">${this.i18n.t('call.please')}</span>
        <span class="ticket" data-testid="latest-ticket">${c.number}</span>
        ${suffix ? html`<span class="word">${suffix}</span>` : null}
      </div>
      <div class="row">
        <span class="word">${this.i18n.t('call.goTo')}</span>
        <span class="counter-no" data-testid="latest-counter"
          >${before ? html`<small>${before}</small>` : null}${c.counterNumber}<small>${after}</small></span
        >
      </div>
      <div class="detail ellipsis">${c.counterName} · ${c.matterName}</div></div>
    `;
  }
}

customElements.define('yc-display-latest-call', YcDisplayLatestCall);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-latest-call': YcDisplayLatestCall;
  }
}
