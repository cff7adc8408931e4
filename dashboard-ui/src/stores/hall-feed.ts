/**
 * One hall's live feed for the dashboard: snapshot + delta sync (ui-shared createHallSync and
 * applyHallFact; re-snapshot after every reconnect), the server's target alerts, the wall-display
 * notice, and today's aggregates from the server, refreshed shortly after relevant facts.
 */
import type { Ack } from '../../../server/protocol/errors';
import type { CounterPresence, HallFact, HallNotice } from '../../../server/protocol/events';
import type { TodayStatsView } from '../../../server/protocol/dashboard';
import type { HallSnapshot } from '../../../server/protocol/views';
import { applyHallFact } from '../../../ui-shared/src/apply-fact';
import { createHallSync, type HallSync } from '../../../ui-shared/src/hall-sync';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { Risk } from './live-selectors';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Facts that change today's aggregates (issued, called, finished, no-show, cancelled, moved). */
const STATS_FACTS = new Set(['ticket:issued', 'ticket:called', 'ticket:finished', 'ticket:no-show', 'ticket:cancelled', 'ticket:transferred', 'ticket:reactivated', 'hall:configured']);

export interface HallFeedOptions {
  hallId: string;
  subscribe(): Promise<HallSnapshot>;
  fetchStats(): Promise<Ack<TodayStatsView>>;
  fetchNotice(): Promise<Ack<HallNotice | null>>;
  timers?: Timers;
  /** A refresh of today's stats follows the first relevant fact by this much (facts in between fold in). */
  statsDelayMs?: number;
  /** Retry a failed snapshot after this long. */
  retryMs?: number;
  /** How long a gap in seq may stay open before a fresh snapshot (ui-shared hall-sync; default 2 s). */
  reorderWindowMs?: number;
  onError?(err: unknown): void;
}

export interface HallFeed {
  hallId: string;
  sync: HallSync<HallSnapshot>;
  alerts: Store<ReadonlyMap<string, Risk>>;
  stats: Store<TodayStatsView | null>;
  notice: Store<HallNotice | null>;
  /** Counters whose workstation is connected: from each snapshot, then 'counter:presence' events. */
  online: Store<ReadonlySet<string>>;
  presence(p: CounterPresence): void;
  /** Call on every connect and reconnect. */
  resync(): Promise<void>;
  receive(fact: HallFact): void;
  refreshStats(): Promise<void>;
  dispose(): void;
}

export function createHallFeed(opts: HallFeedOptions): HallFeed {
  const timers = opts.timers ?? browserTimers;
  const alerts = createStore<ReadonlyMap<string, Risk>>(new Map());
  const stats = createStore<TodayStatsView | null>(null);
  const notice = createStore<HallNotice | null>(null);
  const online = createStore<ReadonlySet<string>>(new Set());
  let statsTimer: unknown = null;
  let retryTimer: unknown = null;
  let disposed = false;

  const sync = createHallSync<HallSnapshot, HallFact>({
    fetchSnapshot: opts.subscribe,
    applyFact: applyHallFact,
    ...(opts.reorderWindowMs !== undefined && { reorderWindowMs: opts.reorderWindowMs }),
    timers,
    onError(err) {
      opts.onError?.(err);
      if (retryTimer !== null || disposed) return;
      retryTimer = timers.setTimeout(() => {
        retryTimer = null;
        if (!disposed) void resync();
      }, opts.retryMs ?? 3000);
    },
  });

  async function refreshStats(): Promise<void> {
    if (statsTimer !== null) {
      timers.clearTimeout(statsTimer);
      statsTimer = null;
    }
    const r = await opts.fetchStats();
    if (r.ok && !disposed) stats.set(r.data);
  }

  function scheduleStats(): void {
    if (statsTimer !== null || disposed) return;
    statsTimer = timers.setTimeout(() => {
      statsTimer = null;
      void refreshStats();
    }, opts.statsDelayMs ?? 1500);
  }

  async function resync(): Promise<void> {
    await sync.resync();
    if (disposed || sync.status.get() !== 'live') return;
    online.set(new Set(sync.state.get()?.onlineCounterIds ?? []));
    const [, n] = await Promise.all([refreshStats(), opts.fetchNotice()]);
    if (n.ok && !disposed) notice.set(n.data);
  }

  function receive(fact: HallFact): void {
    if (fact.hallId !== opts.hallId || disposed) return;
    sync.receive(fact);
    if (fact.type === 'ticket:at-risk' || fact.type === 'ticket:breached') {
      const id = fact.ticket?.id;
      if (id) {
        const next = new Map(alerts.get());
        next.set(id, fact.type === 'ticket:breached' ? 'breached' : 'at_risk');
        alerts.set(next);
      }
    }
    if (fact.type === 'hall:notice' && fact.notice) notice.set(fact.notice.text ? fact.notice : null);
    if (STATS_FACTS.has(fact.type)) scheduleStats();
  }

  return {
    hallId: opts.hallId,
    sync,
    alerts,
    stats,
    notice,
    online,
    presence(p) {
      if (p.hallId !== opts.hallId || disposed) return;
      const next = new Set(online.get());
      if (p.online) next.add(p.counterId);
      else next.delete(p.counterId);
      online.set(next);
    },
    resync,
    receive,
    refreshStats,
    dispose() {
      disposed = true;
      if (statsTimer !== null) timers.clearTimeout(statsTimer);
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
    },
  };
}
