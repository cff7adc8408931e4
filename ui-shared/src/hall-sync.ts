/**
 * Snapshot + delta synchronisation, the one path every client takes:
 * on every (re)connect fetch a snapshot with its seq; apply a fact only if it is the next seq;
 * ignore facts already contained in the snapshot; on a gap (or a config change) re-snapshot.
 */
import { createStore, type Store } from './store';

export interface Sequenced {
  seq: number;
}

export type SyncStatus = 'idle' | 'loading' | 'live' | 'error';

export interface HallSyncOptions<S extends Sequenced, F extends Sequenced> {
  fetchSnapshot(): Promise<S>;
  /** Pure: the snapshot after the fact. Return null to ask for a fresh snapshot instead. */
  applyFact(snapshot: S, fact: F): S | null;
  onError?(err: unknown): void;
}

export interface HallSync<S> {
  state: Store<S | null>;
  status: Store<SyncStatus>;
  /** Call on every connect and reconnect. */
  resync(): Promise<void>;
  receive(fact: Sequenced): void;
  /** How many snapshots were fetched (for tests and diagnostics). */
  snapshots(): number;
}

export function createHallSync<S extends Sequenced, F extends Sequenced>(opts: HallSyncOptions<S, F>): HallSync<S> {
  const state = createStore<S | null>(null);
  const status = createStore<SyncStatus>('idle');
  let loading: Promise<void> | null = null;
  let again = false;
  let buffered: F[] = [];
  let count = 0;

  async function load(): Promise<void> {
    status.set('loading');
    buffered = [];
    try {
      const snap = await opts.fetchSnapshot();
      count++;
      let current: S | null = snap;
      const pending = buffered.filter((f) => f.seq > snap.seq).sort((a, b) => a.seq - b.seq);
      buffered = [];
      for (const f of pending) {
        if (!current || f.seq !== current.seq + 1) {
          current = null;
          break;
        }
        current = opts.applyFact(current, f);
      }
      if (current) {
        state.set(current);
        status.set('live');
      } else {
        again = true;
      }
    } catch (err) {
      status.set('error');
      opts.onError?.(err);
    }
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
    if (loading) {
      buffered.push(fact);
      return;
    }
    const current = state.get();
    if (!current) return void resync();
    if (fact.seq <= current.seq) return; // already in the snapshot
    if (fact.seq !== current.seq + 1) return void resync(); // a gap: we missed something
    const next = opts.applyFact(current, fact);
    if (next) state.set(next);
    else void resync();
  }

  return { state, status, resync, receive, snapshots: () => count };
}
