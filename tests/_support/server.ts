/** A real server on port 0 for HTTP and socket tests, plus small clients for it. */
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/protocol/events';
import type { HallSnapshot } from '../../server/protocol/views';
import { getConfig } from '../../server/config';
import type { Clock } from '../../server/domain/clock';
import { recordingPhoneNotifier } from '../../server/app/phone-notifier';
import { startServer, type RunningServer } from '../../server/server';
import type { TestDb } from './db';
import { openTicketHoursAlways } from './fixtures';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `opts.port` restarts a server on the port a closed one used, so clients come back on the same URL.
 * The demo hall is seeded unless `opts.seedDemo` is false (a real installation: first-admin set-up).
 */
export async function startTestServer(db: TestDb, clock?: Clock, opts: { port?: number; seedDemo?: boolean } = {}): Promise<RunningServer> {
  const config = getConfig({ PORT: String(opts.port ?? 0), HOST: '127.0.0.1', PII_KEY: '11'.repeat(32), SEED_DEMO: String(opts.seedDemo ?? true) });
  const server = await startServer({ ...config, databaseUrl: db.url }, { db, ...(clock && { clock }), log: () => {}, phoneNotifier: recordingPhoneNotifier() });
  if (opts.seedDemo ?? true) await openTicketHoursAlways(db.db);
  return server;
}

/** Asks the public booking endpoint for a phone code and reads it from the test server's recording notifier. */
export async function phoneCodeFor(server: RunningServer, phone: string): Promise<string> {
  const r = await api(server.url, 'POST', '/api/booking/phone-codes', { phone });
  const notifier = server.deps.phoneNotifier as ReturnType<typeof recordingPhoneNotifier>;
  const code = notifier.lastCodeFor(phone);
  if (r.status !== 201 && !(r.status === 429 && code)) throw new Error(`phone code failed: ${r.status} ${JSON.stringify(r.json)}`);
  return code!;
}

export async function api(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json };
}

export async function loginAs(base: string, username: string): Promise<string> {
  const r = await api(base, 'POST', '/api/auth/login', { username, password: 'yichuang2026' });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(r.json)}`);
  return r.json.data.token;
}

/** Issues a walk-in ticket as the demo kiosk for the matter of this name (looked up in the hall snapshot, read as `reader`); returns its number. */
export async function issueAtDemoKiosk(base: string, hallId: string, reader: string, matterName: string): Promise<string> {
  const snap = (await api(base, 'GET', `/api/halls/${hallId}/snapshot`, undefined, reader)).json.data as HallSnapshot;
  const matter = snap.matters.find((m) => m.name === matterName);
  if (!matter) throw new Error(`no matter named ${matterName}`);
  const r = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id }, 'dv_demo-kiosk-1');
  if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.data.ticket.number as string;
}

export function socketFor(base: string, token: string | undefined): ClientSocket {
  return connect(base, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** A phone page's socket: the handshake carries the ticket's progress token (the visitor actor). */
export function progressSocketFor(base: string, progressToken: unknown): ClientSocket {
  return connect(base, { auth: { progressToken }, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Resolves with the first truthy value of `check` (polled every 10 ms), or rejects after `ms`. */
export function waitFor<T>(check: () => T | undefined | false, ms = 3000, what = 'condition'): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = check();
      if (v) return resolve(v);
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

export function emitAck<T = any>(socket: ClientSocket, event: string, payload: unknown): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> {
  // A command that never answers (the socket was disconnected, e.g. its session expired under a
  // moved test clock) fails the test with a code instead of hanging the file until its timeout.
  return new Promise((resolve) =>
    (socket as any).timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: Error | null, res: any) =>
      resolve(err ? { ok: false, error: { code: 'ack_timeout', message: `${event}: no answer in ${ACK_TIMEOUT_MS} ms (${socket.connected ? 'connected' : 'disconnected'})` } } : res),
    ),
  );
}

const ACK_TIMEOUT_MS = 30_000;
