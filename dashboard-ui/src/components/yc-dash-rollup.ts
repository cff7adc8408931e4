/** A manager with several halls: each hall live (waiting, longest, at risk, over target, counters, today's shares). */
import { LitElement, html } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { minutes, percent } from '../i18n/format';
import { i18n, t } from '../i18n/messages';
import type { HallFeed } from '../stores/hall-feed';
import { hallSummary, rollUp, type HallSummary } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';

export class YcDashRollup extends LitElement {
  static override styles = [tokens, dash];

  private readonly feeds = new StoreController(this, app.feeds);
  private readonly now = new StoreController(this, app.now);
  private offs: (() => void)[] = [];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override updated() {
    // Re-render on every feed's snapshot and stats too (the list of feeds changes only on sign-in).
    for (const off of this.offs) off();
    this.offs = this.feeds.value.flatMap((f) => [f.sync.state.subscribe(() => this.requestUpdate()), f.stats.subscribe(() => this.requestUpdate())]);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const off of this.offs) off();
    this.offs = [];
  }

  override render() {
    const now = this.now.value;
    const rows = this.feeds.value
      .map((f) => ({ f, snap: f.sync.state.get() }))
      .filter((r): r is { f: HallFeed; snap: NonNullable<typeof r.snap> } => r.snap !== null)
      .map(({ f, snap }) => ({ f, s: hallSummary(snap, now, f.alerts.get(), f.online.get()) }));
    const total = rollUp(rows.map((r) => r.s));
    const line = (s: Omit<HallSummary, 'hallId' | 'name'>, name: string, f: HallFeed | null) => {
      const totals = f?.stats.get()?.totals;
      return html`<tr class=${s.breached ? 'breached' : s.atRisk ? 'at_risk' : ''}>
        <td>${f ? html`<a href="#" @click=${(e: Event) => (e.preventDefault(), app.hallId.set(f.hallId))}>${name}</a>` : html`<strong>${name}</strong>`}</td>
        <td class="num">${s.waiting}</td>
        <td class="num">${minutes(s.longestMinutes)}</td>
        <td class="num warn">${s.atRisk}</td>
        <td class="num bad">${s.breached}</td>
        <td class="num">${s.counters.serving + s.counters.called + s.counters.idle}/${s.counters.serving + s.counters.called + s.counters.idle + s.counters.paused + s.counters.closed + s.counters.offline}</td>
        <td class="num">${s.overTarget}</td>
        <td class="num">${f ? percent(totals?.waitGeneral.share) : ''}</td>
        <td class="num">${f ? percent(totals?.waitComplex.share) : ''}</td>
        <td class="num">${f ? percent(totals?.handling.share) : ''}</td>
      </tr>`;
    };
    return html`<section class="panel" data-testid="rollup">
      <h2>${t('rollup.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>${t('group.hall')}</th><th class="num">${t('kpi.waiting')}</th><th class="num">${t('kpi.longest')}</th>
            <th class="num">${t('kpi.atRisk')}</th><th class="num">${t('kpi.breached')}</th><th class="num">${t('rollup.open')}</th>
            <th class="num">${t('rollup.over')}</th><th class="num">${t('rcol.general')}</th><th class="num">${t('rcol.complex')}</th>
            <th class="num">${t('rcol.handlingShare')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => line(r.s, r.s.name, r.f))}
          ${line(total, t('rollup.total'), null)}
        </tbody>
      </table>
    </section>`;
  }
}

customElements.define('yc-dash-rollup', YcDashRollup);
