/** The newest call, as large as the screen allows: ticket number → counter number and name. */
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
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
        gap: calc(var(--u) * 8);
        height: 100%;
        box-sizing: border-box;
        padding: calc(var(--u) * 16) calc(var(--u) * 36);
        background: var(--yc-surface);
        border: calc(var(--u) * 4) solid var(--yc-border);
        border-radius: var(--yc-radius);
        position: relative;
        overflow: hidden;
      }
      :host([flash]) {
        border-color: var(--yc-flash);
      }
      .row {
        display: flex;
        align-items: baseline;
        justify-content: center;
        gap: calc(var(--u) * 24);
        max-width: 100%;
      }
      .word {
        font-size: calc(var(--u) * 80);
        font-weight: 700;
        white-space: nowrap;
      }
      .ticket {
        font-size: calc(var(--u) * 225);
        line-height: 1;
      }
      .counter-no {
        font-size: calc(var(--u) * 128);
        line-height: 1.05;
      }
      .counter-no small {
        font-size: calc(var(--u) * 76);
        font-weight: 700;
        color: var(--yc-text);
      }
      .detail {
        font-size: calc(var(--u) * 40);
        line-height: 1.3;
        color: var(--yc-muted);
        max-width: 100%;
      }
      .recall {
        position: absolute;
        top: calc(var(--u) * 18);
        right: calc(var(--u) * 22);
        font-size: calc(var(--u) * 40);
        font-weight: 800;
        color: #000;
        background: var(--yc-flash);
        padding: calc(var(--u) * 4) calc(var(--u) * 22);
        border-radius: calc(var(--u) * 10);
      }
      .none {
        font-size: calc(var(--u) * 96);
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
      <div class="row">
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
      <div class="detail ellipsis">${c.counterName} · ${c.matterName}</div>
    `;
  }
}

customElements.define('yc-display-latest-call', YcDisplayLatestCall);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-latest-call': YcDisplayLatestCall;
  }
}
