/** One hall, live: today's KPIs, zones and matters against target, tickets at risk, counters, throughput, notice. */
import { LitElement, css, html } from 'lit';
import type { CounterView, TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { FeedController } from '../controllers/feed-controller';
import { i18n, t } from '../i18n/messages';
import type { HallFeed } from '../stores/hall-feed';
import { counterRows, hourSeries, matterRows, riskRows, zoneRows } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';
import './yc-dash-cases';
import './yc-dash-chart';
import './yc-dash-counters';
import './yc-dash-dialogs';
import './yc-dash-kpis';
import './yc-dash-notice-form';
import './yc-dash-plan';
import './yc-dash-queue-table';
import './yc-dash-risk-list';

export type LiveDialog = { kind: 'history' | 'move'; ticket: TicketView } | { kind: 'cancel'; ticket: TicketView | null } | { kind: 'matters'; counter: CounterView } | null;

export class YcDashLive extends LitElement {
  static override properties = { feed: { attribute: false }, dialog: { state: true } };
  declare feed: HallFeed;
  declare dialog: LiveDialog;

  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: grid;
        gap: var(--yc-space-3);
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
      .wide {
        grid-column: 1 / -1;
      }
      @media (max-width: 1100px) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  private readonly feedCtl = new FeedController(this);
  private readonly now = new StoreController(this, app.now);

  constructor() {
    super();
    this.dialog = null;
    new StoreController(this, i18n.lang);
  }

  override willUpdate() {
    this.feedCtl.use(this.feed ?? null);
  }

  override render() {
    const snap = this.feed?.sync.state.get();
    if (!snap) return html`<p class="muted wide">${t('loading')}</p>`;
    const now = this.now.value;
    const stats = this.feed.stats.get();
    const hours = hourSeries(stats?.byHour ?? [], snap.hall.sessions, new Date(now).toLocaleString('en-GB', { timeZone: snap.hall.timeZone, hour: '2-digit', hourCycle: 'h23' }));
    return html`
      <yc-dash-kpis class="wide" .snap=${snap} .stats=${stats} .now=${now} .alerts=${this.feed.alerts.get()}></yc-dash-kpis>
      <yc-dash-risk-list class="wide" .rows=${riskRows(snap, now, this.feed.alerts.get())} @ticket-action=${this.onTicketAction}></yc-dash-risk-list>
      <yc-dash-cases class="wide" .hallId=${snap.hall.id} .date=${snap.serviceDate}></yc-dash-cases>
      <yc-dash-queue-table .title=${t('zones.title')} .rows=${zoneRows(snap, now)} data-testid="zones"></yc-dash-queue-table>
      <yc-dash-queue-table .title=${t('matters.title')} .rows=${matterRows(snap, now)} .empty=${t('matters.empty')} data-testid="matters"></yc-dash-queue-table>
      <yc-dash-counters class="wide" .rows=${counterRows(snap, now, this.feed.online.get())} .target=${snap.hall.settings.counterHandlingTargetMinutes}
        @counter-matters=${(e: CustomEvent<CounterView>) => (this.dialog = { kind: 'matters', counter: e.detail })}></yc-dash-counters>
      <section class="panel">
        <h2>${t('throughput.title')}</h2>
        <yc-dash-chart
          .labels=${hours.map((h) => `${String(h.hour).padStart(2, '0')}:00`)}
          .bars=${[
            { label: t('throughput.issued'), data: hours.map((h) => h.issued), color: '#9db7d5' },
            { label: t('throughput.served'), data: hours.map((h) => h.served), color: '#1b7f3b' },
          ]}
        ></yc-dash-chart>
      </section>
      <yc-dash-plan class="wide" .hallId=${snap.hall.id}></yc-dash-plan>
      <yc-dash-notice-form .hallId=${snap.hall.id} .notice=${this.feed.notice.get()} .timeZone=${snap.hall.timeZone}></yc-dash-notice-form>
      <yc-dash-dialogs .dialog=${this.dialog} .snap=${snap} @close=${() => (this.dialog = null)}></yc-dash-dialogs>
    `;
  }

  private onTicketAction = (e: CustomEvent<{ kind: 'history' | 'move' | 'cancel'; ticket: TicketView }>) => {
    this.dialog = e.detail;
  };
}

customElements.define('yc-dash-live', YcDashLive);
