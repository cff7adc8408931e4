/**
 * Snapshot + delta synchronisation, the one path every client takes:
 * on every (re)connect fetch a snapshot with its seq; apply facts strictly in seq order; ignore
 * facts already contained in the snapshot.
 *
 * Facts of one hall committed on different server processes may arrive out of order. A fact
 * ahead of the next seq is held for a short reorder window: if the missing ones arrive, all are
 * applied in order; only if the gap is still open when the window closes is a fresh snapshot
 * taken. The server's seq heartbeat (`beat`) tells a client that fell behind without noticing —
 * a fact lost while a node could not hear the others — and the same window applies. A beat of
 * another service day (midnight) re-snapshots at once; so does a configuration change.
 */
import { createStore, type Store } from './store';

export interface Sequenced {
  seq: number;
}

/** The server's periodic "the hall is at seq N, service day D". */
export interface SeqBeat {
  seq: number;
  serviceDate?: string;
}

export type SyncStatus = 'idle' | 'loading' | 'live' | 'error';

/** Why a snapshot was fetched: (re)connect or a caller's request, a gap that the window did not close, behind the heartbeat, a new day, a fact the reducer could not apply. */
export type ResyncReason = 'requested' | 'gap' | 'behind' | 'new_day' | 'unapplicable';

export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HallSyncOptions<S extends Sequenced, F extends Sequenced> {
  fetchSnapshot(): Promise<S>;
  /** Pure: the snapshot after the fact. Return null to ask for a fresh snapshot instead. */
  applyFact(snapshot: S, fact: F): S | null;
  onError?(err: unknown): void;
  /** How long a gap may stay open before a re-snapshot (default 2000 ms). */
  reorderWindowMs?: number;
  timers?: SyncTimers;
}

export interface HallSync<S> {
  state: Store<S | null>;
  status: Store<SyncStatus>;
  /** Call on every connect and reconnect. */
  resync(): Promise<void>;
  receive(fact: Sequenced): void;
  /** The server's seq heartbeat for this hall. */
  beat(beat: SeqBeat): void;
  /** How many snapshots were fetched (for tests and diagnostics). */
  snapshots(): number;
  /** Snapshots fetched, by reason (diagnostics: a reorder that needed a snapshot shows as 'gap'). */
  snapshotReasons(): Readonly<Record<ResyncReason, number>>;
}

const defaultTimers: SyncTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createHallSync<S extends Sequenced, F extends Sequenced>(opts: HallSyncOptions<S, F>): HallSync<S> {
  const timers = opts.timers ?? defaultTimers;
  const windowMs = opts.reorderWindowMs ?? 2000;
  const state = createStore<S | null>(null);
  const status = createStore<SyncStatus>('idle');
  const reasons: Record<ResyncReason, number> = { requested: 0, gap: 0, behind: 0, new_day: 0, unapplicable: 0 };
  let loading: Promise<void> | null = null;
  let again = false;
  /** Facts ahead of the state (or arriving while a snapshot loads), by seq. */
  const ahead = new Map<number, F>();
  /** Highest seq the heartbeat reported that the state has not reached yet. */
  let beatSeq = 0;
  let gapTimer: unknown = null;
  let count = 0;
  let pendingReason: ResyncReason = 'requested';

  function clearGapTimer(): void {
    if (gapTimer !== null) timers.clearTimeout(gapTimer);
    gapTimer = null;
  }

  /** Applies every held fact that is next in line; returns false if the reducer asked for a snapshot. */
  function drain(start: S): S | null {
    let current = start;
    for (const seq of [...ahead.keys()]) if (seq <= current.seq) ahead.delete(seq);
    for (let next = ahead.get(current.seq + 1); next; next = ahead.get(current.seq + 1)) {
      ahead.delete(next.seq);
      const after = opts.applyFact(current, next);
      if (!after) return null;
      current = after;
      state.set(current); // one state per fact: watchers (the announcer's call feed) see every step
    }
    return current;
  }

  function behind(current: S): boolean {
    return ahead.size > 0 || beatSeq > current.seq;
  }

  /** Opens the reorder window if the state is behind what is known to exist; closes it once caught up. */
  function watchGap(current: S): void {
    if (!behind(current)) return clearGapTimer();
    if (gapTimer !== null) return;
    const reason: ResyncReason = ahead.size > 0 ? 'gap' : 'behind';
    gapTimer = timers.setTimeout(() => {
      gapTimer = null;
      const now = state.get();
      if (!now || behind(now)) void resyncFor(reason);
    }, windowMs);
  }

  async function load(): Promise<void> {
    status.set('loading');
    clearGapTimer();
    try {
      const snap = await opts.fetchSnapshot();
      count++;
      reasons[pendingReason]++;
      pendingReason = 'requested';
      if (beatSeq <= snap.seq) beatSeq = 0;
      state.set(snap);
      const current = drain(snap);
      if (!current) {
        pendingReason = 'unapplicable';
        again = true;
        return;
      }
      status.set('live');
      watchGap(current);
    } catch (err) {
      status.set('error');
      opts.onError?.(err);
    }
  }

  function resyncFor(reason: ResyncReason): Promise<void> {
    if (!loading) pendingReason = reason;
    return resync();
  }

  function resync(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await load();
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  function receive(raw: Sequenced): void {
    const fact = raw as F;
    const current = state.get();
    if (current && fact.seq <= current.seq && !loading) return; // already in the state
    ahead.set(fact.seq, fact);
    if (loading) return; // applied after the snapshot, if newer
    if (!current) return void resync();
    const after = drain(current);
    if (!after) return void resyncFor('unapplicable');
    watchGap(after);
  }

  function beat(b: SeqBeat): void {
    const current = state.get();
    if (loading) {
      if (b.seq > beatSeq) beatSeq = b.seq;
      return;
    }
    if (!current) return void resync();
    const day = (current as { serviceDate?: unknown }).serviceDate;
    if (b.serviceDate && typeof day === 'string' && b.serviceDate !== day) return void resyncFor('new_day');
    if (b.seq > current.seq && b.seq > beatSeq) beatSeq = b.seq;
    if (b.seq < current.seq && ahead.size === 0 && beatSeq === 0) return; // a beat read before a fact we already applied
    watchGap(current);
  }

  return {
    state,
    status,
    resync: () => resyncFor('requested'),
    receive,
    beat,
    snapshots: () => count,
    snapshotReasons: () => ({ ...reasons }),
  };
}
