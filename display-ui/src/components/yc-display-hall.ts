/** The 1920×1080 hall screen: header, the latest call, recent calls, counters, waiting counts. */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../../ui-shared/src/i18n';
import type { CallView, PublicHallSnapshot, ZoneView } from '../../../server/protocol/views';
import { ClockController } from '../controllers/clock-controller';
import type { DisplayI18n } from '../i18n/messages';
import { latestCall, previousCalls, visibleCounters, waitingCounts, type Scope } from '../stores/selectors';
import { displayTheme } from '../styles/display-theme';
import './yc-display-counters';
import './yc-display-header';
import './yc-display-latest-call';
import './yc-display-recent-calls';
import './yc-display-waiting';

/** A call stays highlighted this long after it was made, even with the voice off. */
const FRESH_MS = 10_000;
const RECENT_ROWS = 5;

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
  };
  declare snap: PublicHallSnapshot;
  declare scope: Scope;
  declare zone: ZoneView | null;
  declare i18n: DisplayI18n;
  declare lang: Lang;
  declare now: () => number;
  declare announcing: CallView | null;
  declare offlineText: string | null;

  private readonly clock = new ClockController(this, () => (this.now ?? Date.now)());

  static override styles = [
    displayTheme,
    css`
      :host {
        position: fixed;
        inset: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) calc(var(--u) * 600);
        grid-template-rows: calc(var(--u) * 90) minmax(0, 1fr) calc(var(--u) * 330) calc(var(--u) * 110);
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
    `,
  ];

  override render() {
    const now = this.clock.value;
    const latest = latestCall(this.snap, this.scope);
    const fresh = latest !== null && (this.announcing?.seq === latest.seq || now.getTime() - Date.parse(latest.at) < FRESH_MS);
    const highlight = this.announcing?.counterNumber ?? (fresh ? latest.counterNumber : null);
    return html`
      <yc-display-header
        .hallName=${this.snap.hall.name}
        .zoneName=${this.zone?.name ?? null}
        .timeZone=${this.snap.hall.timeZone}
        .lang=${this.lang}
        .now=${now}
        .offlineText=${this.offlineText}
      ></yc-display-header>
      <yc-display-latest-call .call=${latest} .i18n=${this.i18n} ?flash=${fresh}></yc-display-latest-call>
      <yc-display-recent-calls class="panel" .calls=${previousCalls(this.snap, this.scope, RECENT_ROWS)} .i18n=${this.i18n}></yc-display-recent-calls>
      <yc-display-counters class="panel" .counters=${visibleCounters(this.snap, this.scope)} .i18n=${this.i18n} .highlight=${highlight}></yc-display-counters>
      <yc-display-waiting class="panel" .zones=${waitingCounts(this.snap, this.scope)} .i18n=${this.i18n}></yc-display-waiting>
    `;
  }
}

customElements.define('yc-display-hall', YcDisplayHall);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-hall': YcDisplayHall;
  }
}
