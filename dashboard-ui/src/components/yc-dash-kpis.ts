/** Today's headline figures: waiting, longest wait, at risk, over target, shares within target, served. */
import { LitElement, css, html } from 'lit';
import type { TodayStatsView } from '../../../server/protocol/dashboard';
import type { HallSnapshot } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { minutes, percent } from '../i18n/format';
import { i18n, t } from '../i18n/messages';
import { hallSummary, type Risk } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';

export class YcDashKpis extends LitElement {
  static override properties = { snap: { attribute: false }, stats: { attribute: false }, now: { attribute: false }, alerts: { attribute: false } };
  declare snap: HallSnapshot;
  declare stats: TodayStatsView | null;
  declare now: number;
  declare alerts: ReadonlyMap<string, Risk>;

  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: var(--yc-space-2);
      }
      .kpi {
        padding: 10px 14px;
      }
      .value {
        font-size: 1.7rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      .label {
        font-size: 0.85rem;
        color: var(--yc-muted);
      }
      .sub {
        font-size: 0.78rem;
        color: var(--yc-muted);
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const s = hallSummary(this.snap, this.now, this.alerts);
    const settings = this.snap.hall.settings;
    const totals = this.stats?.totals;
    const share = (x: { within: number; measured: number }) => t('kpi.of', { within: x.within, measured: x.measured });
    const shareClass = (share: number | null | undefined, goal = 0.9) => (share == null ? '' : share >= goal ? 'ok' : share >= 0.7 ? 'warn' : 'bad');
    const card = (testid: string, label: string, value: string, cls = '', sub = '') =>
      html`<div class="panel kpi" data-testid=${testid}><div class="label">${label}</div><div class="value ${cls}">${value}</div><div class="sub">${sub}</div></div>`;
    return html`
      ${card('kpi-waiting', t('kpi.waiting'), String(s.waiting))}
      ${card('kpi-longest', t('kpi.longest'), minutes(s.longestMinutes))}
      ${card('kpi-at-risk', t('kpi.atRisk'), String(s.atRisk), s.atRisk ? 'warn' : '')}
      ${card('kpi-breached', t('kpi.breached'), String(s.breached), s.breached ? 'bad' : '')}
      ${card('kpi-general', t('kpi.general'), percent(totals?.waitGeneral.share), shareClass(totals?.waitGeneral.share),
        `${t('kpi.target', { n: settings.generalWaitTargetMinutes })} · ${totals ? share(totals.waitGeneral) : ''}`)}
      ${card('kpi-complex', t('kpi.complex'), percent(totals?.waitComplex.share), shareClass(totals?.waitComplex.share),
        `${t('kpi.target', { n: settings.complexWaitTargetMinutes })} · ${totals ? share(totals.waitComplex) : ''}`)}
      ${card('kpi-handling', t('kpi.handling', { n: settings.counterHandlingTargetMinutes }), percent(totals?.handling.share), shareClass(totals?.handling.share),
        totals ? share(totals.handling) : '')}
      ${card('kpi-served', t('kpi.served'), String(totals?.served ?? t('none')), '',
        totals ? `${t('kpi.issued')} ${totals.tickets} · ${t('kpi.noShows')} ${totals.noShows}` : '')}
    `;
  }
}

customElements.define('yc-dash-kpis', YcDashKpis);
