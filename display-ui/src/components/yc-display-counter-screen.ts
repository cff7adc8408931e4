/** The per-counter screen (窗口屏): the counter's number and name, and its ticket or why it is not serving. */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../../ui-shared/src/i18n';
import type { HallNotice } from '../../../server/protocol/events';
import type { Store } from '../../../ui-shared/src/store';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { ClockController } from '../controllers/clock-controller';
import { visibleNotice } from '../stores/hall-notice';
import './yc-display-notice';
import { splitMessage, type DisplayI18n } from '../i18n/messages';
import type { CounterScreenState } from '../stores/selectors';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayCounterScreen extends LitElement {
  static override properties = {
    state: { attribute: false },
    i18n: { attribute: false },
    lang: { attribute: false },
    timeZone: { attribute: false },
    now: { attribute: false },
    offlineText: { attribute: false },
    flash: { type: Boolean, reflect: true },
    notice: { attribute: false },
  };
  declare state: Exclude<CounterScreenState, { kind: 'missing' }>;
  declare i18n: DisplayI18n;
  declare lang: Lang;
  declare timeZone: string;
  declare now: () => number;
  declare offlineText: string | null;
  declare flash: boolean;
  declare notice: Store<HallNotice | null> | null;
  private noticeCtl: StoreController<HallNotice | null> | null = null;

  private readonly clock = new ClockController(this, () => (this.now ?? Date.now)());

  static override styles = [
    displayTheme,
    css`
      :host {
        position: fixed;
        inset: 0;
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto auto;
        background: var(--yc-bg);
        box-sizing: border-box;
        padding: calc(var(--u) * 40) calc(var(--u) * 60);
        gap: calc(var(--u) * 24);
        text-align: center;
      }
      header {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: calc(var(--u) * 8);
        border-bottom: calc(var(--u) * 4) solid var(--yc-border);
        padding-bottom: calc(var(--u) * 24);
      }
      .counter-no {
        font-size: calc(var(--u) * 180);
        line-height: 1;
      }
      .counter-no small {
        font-size: calc(var(--u) * 110);
        color: var(--yc-text);
      }
      .name {
        font-size: calc(var(--u) * 70);
        font-weight: 700;
        max-width: 100%;
      }
      main {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: calc(var(--u) * 16);
        min-height: 0;
        overflow: hidden;
        border-radius: var(--yc-radius);
      }
      :host([flash]) main {
        animation: glow 1.2s ease-in-out 4;
      }
      @keyframes glow {
        50% {
          background: #3a2a06;
        }
      }
      .label {
        font-size: calc(var(--u) * 90);
        font-weight: 700;
        white-space: nowrap;
      }
      .row {
        display: flex;
        align-items: baseline;
        justify-content: center;
        gap: calc(var(--u) * 30);
        max-width: 100%;
      }
      .ticket {
        font-size: calc(var(--u) * 330);
        line-height: 1;
      }
      .matter {
        font-size: calc(var(--u) * 52);
        color: var(--yc-muted);
        max-width: 100%;
      }
      .paused {
        font-size: calc(var(--u) * 200);
        font-weight: 800;
        color: var(--yc-paused);
      }
      .reason {
        font-size: calc(var(--u) * 80);
        font-weight: 700;
        color: var(--yc-text);
        max-width: 100%;
      }
      .note {
        font-size: calc(var(--u) * 60);
        color: var(--yc-muted);
      }
      .idle {
        font-size: calc(var(--u) * 170);
        font-weight: 800;
        color: var(--yc-counter);
      }
      footer {
        display: flex;
        justify-content: space-between;
        align-items: center;
        font-size: calc(var(--u) * 44);
        color: var(--yc-muted);
      }
      .time {
        font-family: var(--yc-number);
        font-weight: 700;
        color: var(--yc-text);
      }
      .offline {
        font-weight: 700;
        background: var(--yc-bad);
        color: #fff;
        padding: calc(var(--u) * 6) calc(var(--u) * 26);
        border-radius: calc(var(--u) * 40);
      }
    `,
  ];

  private body() {
    const s = this.state;
    if (s.kind === 'closed' || s.kind === 'paused') {
      const reason = s.kind === 'paused' && s.reason
        ? html`<div class="reason ellipsis" data-testid="pause-reason">${this.i18n.t('counterScreen.pauseReason', { reason: s.reason })}</div>`
        : null;
      return html`<div class="paused" data-testid="counter-state">${this.i18n.t('counterScreen.paused')}</div>
        ${reason}
        <div class="note">${this.i18n.t(s.kind === 'paused' ? 'counterScreen.pausedNote' : 'counterScreen.closedNote')}</div>`;
    }
    if (s.kind === 'idle') return html`<div class="idle" data-testid="counter-state">${this.i18n.t('counterScreen.idle')}</div>`;
    const matter = s.matterName ? html`<div class="matter ellipsis">${s.matterName}</div>` : null;
    const ticket = html`<span class="ticket" data-testid="counter-ticket">${s.ticketNumber}</span>`;
    if (s.kind === 'serving') return html`<div class="label">${this.i18n.t('counterScreen.serving')}</div><div class="row">${ticket}</div>${matter}`;
    // "请 {ticket} 号办理" on one line, the number large.
    const [before = '', after = ''] = this.i18n.t('counterScreen.called', { ticket: '\u0000' }).split('\u0000');
    return html`<div class="row">
        ${before.trim() ? html`<span class="label">${before.trim()}</span>` : null}${ticket}${after.trim()
          ? html`<span class="label">${after.trim()}</span>`
          : null}
      </div>
      ${matter}`;
  }

  override willUpdate(): void {
    if (this.notice && !this.noticeCtl) this.noticeCtl = new StoreController(this, this.notice);
  }

  override render() {
    const c = this.state.counter;
    const notice = visibleNotice(this.notice?.get() ?? null, this.clock.value.getTime());
    const [before, after] = splitMessage(this.i18n, 'counterScreen.counter');
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: this.timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(this.clock.value);
    return html`
      <header>
        <div class="counter-no" data-testid="counter-number">${before ? html`<small>${before}</small>` : null}${c.number}<small>${after}</small></div>
        <div class="name ellipsis">${c.name}</div>
      </header>
      <main>${this.body()}</main>
      ${notice ? html`<yc-display-notice .text=${notice.text}></yc-display-notice>` : html`<span></span>`}
      <footer>
        <span>${this.offlineText ? html`<span class="offline" data-testid="offline">${this.offlineText}</span>` : null}</span>
        <span class="time">${time}</span>
      </footer>
    `;
  }
}

customElements.define('yc-display-counter-screen', YcDisplayCounterScreen);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-counter-screen': YcDisplayCounterScreen;
  }
}
