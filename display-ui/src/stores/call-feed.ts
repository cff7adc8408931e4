/**
 * Turns successive hall states into "new call" events for the announcer. The first snapshot only
 * sets the starting point (a display switched on mid-morning does not read out old calls); after a
 * reconnect, calls missed while offline are announced only if they are still fresh.
 */
import { ANNOUNCEMENT_HORIZON_MS } from '../../../server/protocol/sync-limits';
import type { CallView, PublicHallSnapshot } from '../../../server/protocol/views';

export interface CallFeedOptions {
  onCall(call: CallView, snap: PublicHallSnapshot): void;
  /** Server time now, in ms (the display's own clock corrected by the server's offset). */
  now(): number;
  /** Calls older than this are not announced any more. */
  maxAgeMs?: number;
}

export interface CallFeed {
  update(snap: PublicHallSnapshot | null): void;
}

export function createCallFeed(opts: CallFeedOptions): CallFeed {
  const maxAgeMs = opts.maxAgeMs ?? ANNOUNCEMENT_HORIZON_MS;
  let lastSeq: number | null = null;
  return {
    update(snap) {
      if (!snap) return;
      if (lastSeq === null || snap.seq < lastSeq) {
        // First picture, or a hall whose event numbers started again (a fresh database): nothing to say.
        lastSeq = snap.seq;
        return;
      }
      const since = lastSeq;
      lastSeq = snap.seq;
      const fresh = snap.recentCalls.filter((c) => c.seq > since).sort((a, b) => a.seq - b.seq);
      for (const call of fresh) {
        const at = Date.parse(call.at);
        if (Number.isFinite(at) && opts.now() - at > maxAgeMs) continue;
        opts.onCall(call, snap);
      }
    },
  };
}

/** Connects a hall state store to the announcer: every fresh call the screen's scope accepts is announced. */
export function feedAnnouncements(
  hall: { get(): PublicHallSnapshot | null; subscribe(fn: (s: PublicHallSnapshot | null) => void): () => void },
  opts: { now(): number; accept(call: CallView, snap: PublicHallSnapshot): boolean; announce(call: CallView): void; maxAgeMs?: number },
): () => void {
  const feed = createCallFeed({
    now: opts.now,
    ...(opts.maxAgeMs !== undefined && { maxAgeMs: opts.maxAgeMs }),
    onCall: (call, snap) => {
      if (opts.accept(call, snap)) opts.announce(call);
    },
  });
  feed.update(hall.get());
  return hall.subscribe((s) => feed.update(s));
}
