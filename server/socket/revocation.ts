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

/** One pass over this process's sockets; returns how many were disconnected. */
export async function revalidateSockets(io: RevocationIo, deps: AppDeps): Promise<number> {
  const sockets = [...io.of('/').sockets.values()].filter((s): s is RevocableSocket & { data: { actor: Actor; tokenHash: string } } => !!s.data?.tokenHash);
  if (sockets.length === 0) return 0;
  const current = await resolveTokenHashes(deps, [...new Set(sockets.map((s) => s.data.tokenHash))]);
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

export function startRevalidation(io: RevocationIo, deps: AppDeps, opts: { intervalMs: number; log: (msg: string, err: unknown) => void }): { close(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    revalidateSockets(io, deps)
      .catch((err) => opts.log('socket re-check failed', err))
      .finally(() => (running = false));
  }, opts.intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
