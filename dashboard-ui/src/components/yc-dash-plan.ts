/**
 * 今日到达预测与排班建议: the forecast per half hour and zone with the counters needed beside the
 * counters staffed, tidal advice applied in one click, appointment seat caps and pooling gains
 * (GET /api/halls/:hallId/staffing-plan; the rules are in docs/routing.md).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { BreakAdviceView, StaffingPlanView } from '../../../server/protocol/staffing-plan';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe, i18n } from '../i18n/messages';
import { pt } from '../i18n/plan-messages';
import { activeZones, breakKey, createPlanStore, flexKey, listedMoves, moveKey, planRows, returnKey } from '../stores/plan-store';
import { dash } from '../styles/dash.css';

const store = createPlanStore({
  fetch: (hallId) => app.staffingPlan(hallId),
  apply: (hallId, counterId, matterIds, reason) => app.setCounterMatters(hallId, counterId, matterIds, reason),
  applyBreaks: (hallId, counterId, date, times, reason) => app.setCounterBreaks(hallId, counterId, date, times, reason),
});

export class YcDashPlan extends LitElement {
  static override properties = { hallId: {} };
  declare hallId: string;

  static override styles = [
    tokens,
    dash,
    css`
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr);
        gap: var(--yc-space-3);
      }
      @media (max-width: 1100px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .scroll {
        overflow-x: auto;
      }
      td.short {
        background: var(--dash-bad-bg);
        color: var(--yc-bad);
        font-weight: 600;
      }
      th.zone {
        text-align: center;
        border-left: 1px solid var(--yc-border);
      }
      td.first {
        border-left: 1px solid var(--yc-border);
      }
      ul {
        list-style: none;
        margin: 0 0 var(--yc-space-3);
        padding: 0;
        display: grid;
        gap: 6px;
      }
      li {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--yc-space-2);
      }
      li .btn {
        white-space: nowrap;
        flex-shrink: 0;
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-shrink: 0;
      }
      ul.breaks {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        font-size: 0.9rem;
      }
      .range {
        white-space: nowrap;
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 6px;
      }
      .note {
        font-size: 0.85rem;
        margin: 0 0 var(--yc-space-2);
      }
    `,
  ];

  private readonly state = new StoreController(this, store.state);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  /**
   * "1 号窗口：10:30–10:45、12:00–13:00（后台）": each range, with its 后台 mark, is one unbreakable piece
   * (white-space: nowrap), so a narrow card (1366×768) wraps between ranges, never inside one ("12:00–" / "13:00").
   */
  private breakTimes(b: BreakAdviceView) {
    const [before = '', after = ''] = pt('breakRow', { n: b.counterNumber, times: '\u0001' }).split('\u0001');
    const sep = pt('breakSep');
    return html`${before}${b.times.map(
      (t, i) => html`${i > 0 ? sep : ''}<span class="range"><span data-testid="break-range">${t.from}–${t.to}</span>${b.backOffice.some((x) => x.from === t.from) ? pt('backOffice') : ''}</span>`,
    )}${after}`;
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('hallId') && this.hallId) void store.load(this.hallId);
  }

  override render() {
    const s = this.state.value;
    const plan = s.plan;
    return html`<section class="panel" data-testid="plan">
      <h2>${pt('title')}</h2>
      ${plan ? this.body(plan) : html`<p class="muted">${s.loading ? '…' : ''}</p>`}
      ${s.error ? html`<p class="problem" role="alert">${describe(s.error)}</p>` : nothing}
    </section>`;
  }

  /** The return at the end of a move's or an opening's window: enabled while the counter serves the advised matters. */
  private giveBackButton(m: StaffingPlanView['moves'][number] | StaffingPlanView['flex'][number]) {
    const busy = this.state.value.applying === returnKey(m);
    return html`<button class="btn small" data-testid="plan-return" ?disabled=${!m.applied || busy || !!this.state.value.applying} @click=${() => void store.giveBack(m)}>
      ${busy ? pt('applying') : pt('giveBack', { to: m.to })}
    </button>`;
  }

  private body(plan: StaffingPlanView) {
    const basis =
      plan.basis === 'same_weekday'
        ? pt('basisSame', { weeks: 4, days: plan.historyDays.map((d) => d.slice(5)).join('、') })
        : plan.basis === 'recent_days'
          ? pt('basisRecent', { n: plan.historyDays.length })
          : pt('basisNone');
    const zones = activeZones(plan);
    const idx = zones.map((z) => plan.zones.indexOf(z));
    const staffing = plan.staffingBasis === 'open_now' ? pt('staffingOpen') : pt('staffingAll');
    const need = pt('need95', { share: Math.round(plan.targetShare * 100) });
    return html`<p class="note muted" data-testid="plan-basis">${pt('sentence', { text: basis })}${pt('sentence', { text: `${staffing}${pt('sep')}${need}` })}</p>
      <div class="grid">
        <div class="scroll">
          <table data-testid="plan-table">
            <thead>
              <tr>
                <th rowspan="2">${pt('slot')}</th>
                ${zones.map((z) => html`<th class="zone" colspan="3">${z.name}</th>`)}
              </tr>
              <tr>
                ${zones.map(() => html`<th class="num first">${pt('arrivals')}</th><th class="num">${pt('needed')}</th><th class="num">${pt('staffed')}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${planRows(plan).map(
                (r) => html`<tr>
                  <td>${r.slot}</td>
                  ${idx.map((i) => {
                    const c = r.cells[i]!;
                    return html`<td class="num first">${c.arrivals.toFixed(1)}</td><td class="num ${c.short ? 'short' : ''}">${c.needed}</td><td class="num">${c.staffed}</td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <div>
          <h3>${pt('moves')}</h3>
          ${listedMoves(this.state.value).length === 0
            ? html`<p class="muted note">${pt('noMoves')}</p>`
            : html`<ul data-testid="plan-moves">
                ${listedMoves(this.state.value).map((m) => {
                  const busy = this.state.value.applying === moveKey(m);
                  return html`<li>
                    <span>${pt('move', { from: m.from, to: m.to, n: m.counterNumber, zone: m.toZoneName })}</span>
                    <span class="actions">
                      <button class="btn primary" ?disabled=${m.applied || busy || !!this.state.value.applying} @click=${() => void store.apply(m)}>
                        ${m.applied ? pt('applied') : busy ? pt('applying') : pt('apply')}
                      </button>
                      ${this.giveBackButton(m)}
                    </span>
                  </li>`;
                })}
              </ul>`}
          ${plan.flex.length
            ? html`<h3>${pt('flex')}</h3>
                <ul data-testid="plan-flex">
                  ${plan.flex.map((o) => {
                    const busy = this.state.value.applying === flexKey(o);
                    return html`<li>
                      <span>${pt('flexRow', { from: o.from, to: o.to, n: o.counterNumber, zone: o.toZoneName })}</span>
                      <span class="actions">
                        <button class="btn primary small" ?disabled=${o.applied || busy || !!this.state.value.applying} @click=${() => void store.applyFlex(o)}>
                          ${o.applied ? pt('applied') : busy ? pt('applying') : pt('applyFlex')}
                        </button>
                        ${this.giveBackButton(o)}
                      </span>
                    </li>`;
                  })}
                </ul>
                <p class="note muted">${pt('flexNote', { minutes: plan.flexMinutes })}</p>`
            : nothing}
          ${plan.breaks.length
            ? html`<h3>${pt('breaks')}</h3>
                <ul class="breaks" data-testid="plan-breaks">
                  ${plan.breaks.map((b) => {
                    const busy = this.state.value.applying === breakKey(b);
                    return html`<li>
                      <span>${this.breakTimes(b)}</span>
                      <button class="btn small" ?disabled=${b.applied || busy || !!this.state.value.applying} @click=${() => void store.applyBreaks(b)}>
                        ${b.applied ? pt('breaksApplied') : busy ? pt('applying') : pt('applyBreaks')}
                      </button>
                    </li>`;
                  })}
                </ul>`
            : nothing}
          ${plan.pooling.length
            ? html`<h3>${pt('pooling')}</h3>
                <ul data-testid="plan-pooling">
                  ${plan.pooling.map(
                    (p) =>
                      html`<li>
                        ${pt('poolingRow', {
                          n: p.counterNumber,
                          zone: p.zoneName,
                          now: Math.round(p.withinNow * 100),
                          pooled: Math.round(p.withinPooled * 100),
                          hallNow: Math.round(p.hallNow * 100),
                          hallPooled: Math.round(p.hallPooled * 100),
                        })}
                      </li>`,
                  )}
                </ul>
                <p class="note muted">${pt('poolingNote', { days: plan.pooling[0]!.days })}</p>`
            : nothing}
          <p class="note muted">${plan.seats.length ? pt('seats', { n: new Set(plan.seats.map((x) => x.slot)).size }) : pt('noSeats')}</p>
          <button class="btn" @click=${() => void store.load(this.hallId)}>${pt('reload')}</button>
        </div>
      </div>`;
  }
}

customElements.define('yc-dash-plan', YcDashPlan);
