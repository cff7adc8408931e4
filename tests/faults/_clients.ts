/**
 * Clients for fault tests: displays that sync exactly like the real display (ui-shared hall-sync,
 * public facts, the seq heartbeat, a resync on every reconnect, a retry after a failed snapshot),
 * and small helpers to wait and measure.
 */
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import type { PublicHallFact } from '../../server/protocol/events';
import type { HallSeqBeat } from '../../server/protocol/heartbeat';
import type { PublicHallSnapshot } from '../../server/protocol/views';
import { applyPublicFact } from '../../ui-shared/src/apply-fact';
import { createHallSync, type HallSync } from '../../ui-shared/src/hall-sync';
import { api, emitAck, loginAs, type ClientSocket } from '../_support/server';

export const DISPLAY_TOKEN = 'dv_demo-display-1';
export const KIOSK_TOKEN = 'dv_demo-kiosk-1';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms: number, what: string, everyMs = 50): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface SyncedDisplay {
  socket: ClientSocket;
  sync: HallSync<PublicHallSnapshot>;
  /** Every call the display's state showed for the first time (what its announcer would be fed), by seq. */
  calls: Map<number, number>;
  close(): void;
}

/** A display on `base` that reconnects by itself (like ui-shared's connection) and syncs like display-session. */
export function openSyncedDisplay(base: string, hallId: string, opts: { reorderWindowMs?: number } = {}): SyncedDisplay {
  const socket: ClientSocket = connect(base, {
    auth: { token: DISPLAY_TOKEN },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  let retry: ReturnType<typeof setTimeout> | null = null;
  const sync = createHallSync<PublicHallSnapshot, PublicHallFact>({
    fetchSnapshot: () =>
      new Promise((resolve, reject) =>
        socket.timeout(5000).emit('public:subscribe', { hallId }, (err: Error | null, ack) => {
          if (err) return reject(err);
          if (!ack.ok) return reject(new Error(ack.error.code));
          resolve(ack.data);
        }),
      ),
    applyFact: applyPublicFact,
    ...(opts.reorderWindowMs !== undefined && { reorderWindowMs: opts.reorderWindowMs }),
    onError: () => {
      retry ??= setTimeout(() => {
        retry = null;
        if (socket.connected) void sync.resync();
      }, 500);
    },
  });
  const calls = new Map<number, number>();
  sync.state.subscribe((s) => {
    for (const c of s?.recentCalls ?? []) if (!calls.has(c.seq)) calls.set(c.seq, Date.now());
  });
  socket.on('connect', () => void sync.resync());
  socket.on('public:fact', (f) => sync.receive(f));
  socket.on('hall:seq', (b: HallSeqBeat) => b.hallId === hallId && sync.beat(b));
  return {
    socket,
    sync,
    calls,
    close() {
      if (retry) clearTimeout(retry);
      socket.close();
    },
  };
}

/** Fault tests run at any hour: the demo kiosk issues tickets whatever the hall's ticket hours. */
export async function issueAtAnyHour(base: string, hallId: string): Promise<void> {
  const admin = await loginAs(base, 'admin');
  const r = await api(base, 'PATCH', `/api/halls/${hallId}`, { settings: { kioskIssuing: 'always' } }, admin);
  if (r.status !== 200) throw new Error(`could not set kioskIssuing: ${r.status} ${JSON.stringify(r.json)}`);
}

export async function hallIdOf(base: string, token: string): Promise<string> {
  const r = await api(base, 'GET', '/api/halls', undefined, token);
  return r.json.data[0].id as string;
}

/** The id of a matter by name, read through the kiosk's own matter list. */
export async function matterId(base: string, hallId: string, name: string): Promise<string> {
  const r = await api(base, 'GET', `/api/halls/${hallId}/matters`, undefined, KIOSK_TOKEN);
  const m = (r.json.data as { id: string; name: string }[]).find((x) => x.name === name);
  if (!m) throw new Error(`no matter ${name}`);
  return m.id;
}

export function issueTicket(base: string, hallId: string, matter: string, commandId: string = randomUUID()) {
  return api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId, matterId: matter }, KIOSK_TOKEN);
}

export function command(socket: ClientSocket, event: string, input: Record<string, unknown>) {
  return emitAck(socket, event, { commandId: randomUUID(), ...input });
}

/** The public snapshot as a fresh display would read it now. */
export async function truthOf(base: string, hallId: string): Promise<PublicHallSnapshot> {
  const r = await api(base, 'GET', `/api/halls/${hallId}/public-snapshot`, undefined, DISPLAY_TOKEN);
  if (r.status === 200) return r.json.data as PublicHallSnapshot;
  throw new Error(`public snapshot: ${r.status} ${JSON.stringify(r.json)}`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
