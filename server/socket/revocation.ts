/**
 * Open sockets lose their rights within seconds (issue #11 §1), on every node:
 *  - at once: logout, device deactivation and staff deactivation disconnect the sockets in the
 *    session's, device's or staff member's room — through the adapter, so on every server process;
 *  - at the latest after one re-check interval: each process re-resolves the tokens of its own
 *    sockets (two batched queries) and disconnects those whose session ended, expired or whose
 *    rights changed (role, halls, device hall). A changed actor is not patched in place: the client
 *    reconnects (ui-shared/connection.ts retries after a server disconnect), authenticates afresh
 *    and takes a new snapshot with exactly its current rights.
 */
import type { Actor, VisitorActor } from '../app/actor';
import { resolveTokenHashes } from '../app/auth';
import type { AppDeps, Revoker, RevokeTarget } from '../app/deps';
import { rooms } from './rooms';

interface RevocableSocket {
  id: string;
  /** A visitor's socket (a phone page's progress token) has no token hash: nothing to revoke or re-check. */
  data: { actor: Actor; tokenHash: string } | { actor: VisitorActor; tokenHash?: undefined };
  disconnect(close?: boolean): unknown;
}

interface RevocationIo {
  in(room: string): { disconnectSockets(close?: boolean): void };
  of(nsp: '/'): { sockets: Map<string, RevocableSocket> };
}

export function roomOf(target: RevokeTarget): string {
  if ('sessionHash' in target) return rooms.session(target.sessionHash);
  if ('deviceId' in target) return rooms.device(target.deviceId);
  return rooms.staffMember(target.staffId);
}

/** The rooms a socket joins on connection, so a revocation can find it on any node. */
export function identityRooms(data: { actor: Actor; tokenHash: string }): string[] {
  const a = data.actor;
  return [rooms.session(data.tokenHash), a.kind === 'device' ? rooms.device(a.id) : rooms.staffMember(a.id)];
}

export function socketRevoker(getIo: () => RevocationIo | null): Revoker {
  return {
    revoke(target) {
      getIo()?.in(roomOf(target)).disconnectSockets(true);
    },
  };
}

/** Same rights: kind, id, role and halls (a display name change keeps the socket). */
export function sameRights(a: Actor, b: Actor): boolean {
  if (a.kind !== b.kind || a.id !== b.id) return false;
  if (a.kind === 'staff' && b.kind === 'staff') return a.role === b.role && [...a.hallIds].sort().join() === [...b.hallIds].sort().join();
  if (a.kind === 'device' && b.kind === 'device') return a.hallId === b.hallId && a.deviceKind === b.deviceKind && a.zoneId === b.zoneId && a.counterId === b.counterId;
  return true;
}

/** How many slices one re-check interval is cut into: each tick re-checks one slice of the sockets. */
export const RECHECK_SLICES = 10;
/** Token hashes per statement: a slice of a large node is looked up in a few bounded queries. */
const HASHES_PER_QUERY = 500;

/** A socket's slice: fixed for its life, from its id (engine.io ids are random), so each socket is checked once per round. */
export function sliceOf(socketId: string, slices: number): number {
  let h = 0;
  for (let i = 0; i < socketId.length; i++) h = (h * 31 + socketId.charCodeAt(i)) | 0;
  return (h >>> 0) % slices;
}

/**
 * One pass over this process's sockets (or over one slice of them: `slice` of `slices`); returns
 * how many were disconnected.
 */
export async function revalidateSockets(io: RevocationIo, deps: AppDeps, slice?: { index: number; of: number }): Promise<number> {
  const sockets: (RevocableSocket & { data: { actor: Actor; tokenHash: string } })[] = [];
  for (const s of io.of('/').sockets.values()) {
    if (!s.data?.tokenHash) continue;
    if (slice && sliceOf(s.id, slice.of) !== slice.index) continue;
    sockets.push(s as RevocableSocket & { data: { actor: Actor; tokenHash: string } });
  }
  if (sockets.length === 0) return 0;
  const hashes = [...new Set(sockets.map((s) => s.data.tokenHash))];
  const current = new Map<string, Actor>();
  for (let i = 0; i < hashes.length; i += HASHES_PER_QUERY) {
    for (const [k, v] of await resolveTokenHashes(deps, hashes.slice(i, i + HASHES_PER_QUERY))) current.set(k, v);
  }
  let dropped = 0;
  for (const s of sockets) {
    const now = current.get(s.data.tokenHash);
    if (!now || !sameRights(s.data.actor, now)) {
      s.disconnect(true);
      dropped++;
    }
  }
  return dropped;
}

/**
 * Re-checks every socket once per `intervalMs`, spread over the interval: every intervalMs /
 * RECHECK_SLICES one slice (a tenth of the sockets, by id), so no tick resolves a whole node's
 * tokens at once (with 5,000 screens that one tick held the event loop for 100–400 ms; docs/performance.md,
 * "What a screen socket costs"). While a slice's check is still running, ticks pass it by; the
 * next one after it ends (or fails) takes the following (or the same) slice, so no slice is left out.
 */
export function startRevalidation(io: RevocationIo, deps: AppDeps, opts: { intervalMs: number; log: (msg: string, err: unknown) => void }): { close(): void } {
  let running = false;
  let next = 0;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const index = next;
    revalidateSockets(io, deps, { index, of: RECHECK_SLICES })
      .then(() => (next = (index + 1) % RECHECK_SLICES))
      .catch((err) => opts.log('socket re-check failed', err))
      .finally(() => (running = false));
  }, Math.max(1, Math.floor(opts.intervalMs / RECHECK_SLICES)));
  timer.unref();
  return { close: () => clearInterval(timer) };
}
