/**
 * The 1920×1080 hall screen: header, the call being announced, recent calls, counters, waiting
 * counts and a manager's notice in its own row. The counter band's height follows the number of
 * counters (1–40+), the call panel takes what is left; nothing is laid over anything else.
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../../ui-shared/src/i18n';
import type { HallNotice } from '../../../server/protocol/events';
import type { CallView, PublicCounterView, PublicHallSnapshot, ZoneView } from '../../../server/protocol/views';
import type { Store } from '../../../ui-shared/src/store';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { ClockController } from '../controllers/clock-controller';
import type { DisplayI18n } from '../i18n/messages';
import { visibleNotice } from '../stores/hall-notice';
import { previousCalls, shownCall, visibleCounters, waitingCounts, type Scope } from '../stores/selectors';
import { counterGrid } from '../styles/counter-grid';
import { displayTheme } from '../styles/display-theme';
import './yc-display-counters';
import './yc-display-header';
import './yc-display-latest-call';
import './yc-display-notice';
import './yc-display-recent-calls';
import './yc-display-waiting';

/** A call stays highlighted this long after it was made, even with the voice off. */
const FRESH_MS = 10_000;
/** At most this many recent calls; fewer when fewer rows fit. */
const RECENT_ROWS = 8;

export class YcDisplayHall extends LitElement {
  static override properties = {
    snap: { attribute: false },
    scope: { attribute: false },
    zone: { attribute: false },
    i18n: { attribute: false },
    lang: { attribute: false },
    now: { attribute: false },
    announcing: { attribute: false },
    offlineText: { attribute: false },
    notice: { attribute: false },
  };
  declare snap: PublicHallSnapshot;
  declare scope: Scope;
  declare zone: ZoneView | null;
  declare i18n: DisplayI18n;
  declare lang: Lang;
  declare now: () => number;
  declare announcing: CallView | null;
  declare offlineText: string | null;
  /** The manager's notice (null store value: none). */
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
        grid-template-columns: minmax(0, 1fr) calc(var(--u) * 600);
        grid-template-rows: calc(var(--u) * 90) minmax(0, 1fr) calc(var(--u) * var(--band, 310)) calc(var(--u) * 110);
        grid-template-areas: 'head head' 'latest recent' 'counters counters' 'waiting waiting';
        gap: calc(var(--u) * 14);
        padding: calc(var(--u) * 14) calc(var(--u) * 24) calc(var(--u) * 16);
        box-sizing: border-box;
        background: var(--yc-bg);
      }
      yc-display-header {
        grid-area: head;
      }
      yc-display-latest-call {
        grid-area: latest;
      }
      yc-display-recent-calls {
        grid-area: recent;
      }
      yc-display-counters {
        grid-area: counters;
      }
      yc-display-waiting {
        grid-area: waiting;
      }
      :host([has-notice]) {
        grid-template-rows: calc(var(--u) * 90) minmax(0, 1fr) calc(var(--u) * var(--band, 310)) calc(var(--u) * 110) auto;
        grid-template-areas: 'head head' 'latest recent' 'counters counters' 'waiting waiting' 'notice notice';
      }
      yc-display-notice {
        grid-area: notice;
      }
    `,
  ];

  private counters: PublicCounterView[] = [];
  private shownNotice: HallNotice | null = null;

  /** The band's height and the notice row are host styles: set before every render. */
  override willUpdate(): void {
    if (this.notice && !this.noticeCtl) this.noticeCtl = new StoreController(this, this.notice);
    this.counters = visibleCounters(this.snap, this.scope);
    this.style.setProperty('--band', String(counterGrid(this.counters.length).bandHeight));
    this.shownNotice = visibleNotice(this.notice?.get() ?? null, this.clock.value.getTime());
    this.toggleAttribute('has-notice', this.shownNotice !== null);
  }

  override render() {
    const now = this.clock.value;
    const shown = shownCall(this.snap, this.scope, this.announcing);
    const fresh = shown !== null && (this.announcing?.seq === shown.seq || now.getTime() - Date.parse(shown.at) < FRESH_MS);
    const highlight = this.announcing?.counterNumber ?? (fresh ? shown.counterNumber : null);
    const notice = this.shownNotice;
    return html`
      <yc-display-header
        .hallName=${this.snap.hall.name}
        .zoneName=${this.zone?.name ?? null}
        .timeZone=${this.snap.hall.timeZone}
        .lang=${this.lang}
        .now=${now}
        .offlineText=${this.offlineText}
      ></yc-display-header>
      <yc-display-latest-call .call=${shown} .i18n=${this.i18n} ?flash=${fresh}></yc-display-latest-call>
      <yc-display-recent-calls class="panel" .calls=${previousCalls(this.snap, this.scope, RECENT_ROWS, shown)} .i18n=${this.i18n}></yc-display-recent-calls>
      <yc-display-counters class="panel" .counters=${this.counters} .i18n=${this.i18n} .highlight=${highlight}></yc-display-counters>
      <yc-display-waiting class="panel" .zones=${waitingCounts(this.snap, this.scope)} .i18n=${this.i18n}></yc-display-waiting>
      ${notice ? html`<yc-display-notice .text=${notice.text}></yc-display-notice>` : null}
    `;
  }
}

customElements.define('yc-display-hall', YcDisplayHall);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-hall': YcDisplayHall;
  }
}
