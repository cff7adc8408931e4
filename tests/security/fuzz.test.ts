/**
 * The fuzzer (issue #11): every HTTP route the routers declare and every socket event the server
 * listens to, as six roles, with seeded, bounded payloads. Routes come from the endpoint
 * definitions (server/protocol/endpoints.ts, which the router is built from) and events from the
 * server socket's own listeners, so a new route or event is fuzzed without anyone adding it here. Asserts: no 5xx, no failed acks with
 * internal_error, no hang, no crash, no stack trace and no personal data in any reply, nothing
 * logged as a server failure. FUZZ_SEED and FUZZ_PAYLOADS change the run; the counts are printed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '../../server/protocol/identity-number';
import { ENDPOINTS } from '../../server/protocol/endpoints';
import { ERROR_CODES } from '../../server/protocol/errors';
import type { RunningServer } from '../../server/server';
import { socketEvents } from '../../server/socket/socket-server';
import { buildUi } from '../_support/browser';
import { createTestDb, type TestDb } from '../_support/db';
import { api, connected, loginAs, progressSocketFor, socketFor, type ClientSocket } from '../_support/server';
import { startLoggedServer } from './_server';
import { body, hostile, HOSTILE_STRINGS, learn, pick, plausible, seededRng, type KnownIds, type Learnt } from './fuzz/values';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const TOTAL = Number(process.env.FUZZ_PAYLOADS ?? 3_000);
const HTTP_SHARE = 0.72;
const rng = seededRng(SEED);

// The one visitor whose data must never come back in any reply (not in the fuzz value pool).
const secretFirst17 = '31010219770815246';
const SECRET = { idNumber: secretFirst17 + idNumberCheckChar(secretFirst17), phone: '13977770815' };
const STACK = /\n\s+at |\.ts:\d+|node_modules|Failed query|params:|DrizzleQueryError|ECONNREFUSED/;

let db: TestDb;
let server: RunningServer;
let logs: string[];
let base = '';
const tokens: Record<string, string | undefined> = {};
const ids: Record<string, string[]> = {};
const problems: string[] = [];
const counts = { http: 0, socket: 0, static: 0, status5xx: 0, internalAcks: 0, hangs: 0, crashes: 0 };
const statuses = new Map<number, number>();
const reached = new Set<string>(); // routes and events that answered 2xx / ok at least once
const onCrash = (err: unknown) => {
  counts.crashes++;
  problems.push(`crash: ${String((err as Error)?.stack ?? err).slice(0, 300)}`);
};

interface Route {
  method: string;
  path: string;
  params: string[];
}

/** Every HTTP endpoint, from the definitions the router is built from (tests/http/route-registry.test.ts checks the app serves exactly these). */
function definedRoutes(): Route[] {
  return Object.values(ENDPOINTS).map((d) => ({ method: d.method, path: d.path, params: (d.path.match(/:([A-Za-z]+)/g) ?? []).map((p) => p.slice(1)) }));
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its malformed bytes. */
function encodePart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function fillPath(route: Route): string {
  let path = route.path;
  for (const p of route.params) {
    const r = rng();
    const value =
      r < 0.75
        ? String(plausible(rng, p, ids as KnownIds))
        : r < 0.9
          ? encodePart(String(pick(rng, HOSTILE_STRINGS)))
          : pick(rng, ['%E0%A4%A', '%00', '..%2f..', '%2e%2e', 'x'.repeat(300), '0x7e3']);
    path = path.replace(`:${p}`, r < 0.75 ? encodePart(value) : value);
  }
  return path;
}

function checkReply(what: string, status: number, text: string, contentType: string): void {
  if (status >= 500) {
    counts.status5xx++;
    problems.push(`${what} → ${status} ${text.slice(0, 200)}`);
  }
  if (STACK.test(text)) problems.push(`${what}: stack trace or SQL in the reply: ${text.slice(0, 200)}`);
  if (text.includes(SECRET.idNumber) || text.includes(SECRET.phone)) problems.push(`${what}: personal data in the reply`);
  if (status >= 400 && contentType.includes('json')) {
    const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    if (!code || !Object.hasOwn(ERROR_CODES, code)) problems.push(`${what}: unknown error code ${code}`);
  }
}

let routeCount = 0;
let eventCount = 0;
const t = suite('fuzzer');
t.before(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  buildUi('kiosk', 'display');
  db = await createTestDb();
  ({ server, logs } = await startLoggedServer(db));
  base = server.url;
  const hallId = server.seed.hallId!;
  for (const u of ['admin', 'manager', 'staff1']) tokens[u] = await loginAs(base, u);
  tokens.kiosk = 'dv_demo-kiosk-1';
  tokens.display = 'dv_demo-display-1';
  tokens.anonymous = undefined;
  const admin = tokens.admin!;
  const list = async (path: string) => ((await api(base, 'GET', path, undefined, admin)).json.data as { id: string }[]).map((x) => x.id);
  ids.hallId = [hallId, randomUUID()];
  ids.zoneId = await list(`/api/halls/${hallId}/zones`);
  ids.matterId = await list(`/api/halls/${hallId}/matters`);
  ids.counterId = await list(`/api/halls/${hallId}/counters`);
  // A throwaway device stands in for every deviceId, so the demo kiosk and display keep working.
  ids.deviceId = [(await api(base, 'POST', `/api/halls/${hallId}/devices`, { kind: 'display', name: '模糊测试屏' }, admin)).json.data.id];
  ids.ticketId = [];
  ids.token = [];
  for (let i = 0; i < 4; i++) {
    const issued = await api(base, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: ids.matterId[i]!, ...(i === 0 && { idNumber: SECRET.idNumber }) }, tokens.kiosk);
    ids.ticketId.push(issued.json.data.ticket.id);
    ids.token.push(issued.json.data.token);
  }
  const booked = await api(base, 'POST', `/api/halls/${hallId}/appointments`, { commandId: randomUUID(), matterId: ids.matterId[0]!, date: '2026-12-02', slotStart: '09:00', ...SECRET }, admin);
  ids.appointmentId = booked.status === 201 ? [booked.json.data.appointment.id] : [randomUUID()];
  ids.code = booked.status === 201 ? [booked.json.data.appointment.code, 'ABCDEFGH'] : ['ABCDEFGH'];
  ids.date = ['2026-12-25', '2026-02-30', '2026-1-1'];
  ids.year = ['2026', '2027', '0x7e3', '99999'];
  ids.printJobId = [randomUUID()];
});
t.after(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await server?.close();
  await db?.drop();
});

t('HTTP: every route, six roles, seeded payloads', async () => {
  problems.length = 0;
  const routes = definedRoutes();
  assert.ok(routes.length >= 50, `found ${routes.length} routes`);
  routeCount = routes.length;
  const learnt = new Map<string, Learnt>(routes.map((r) => [`${r.method} ${r.path}`, { wanted: new Set(), refused: new Set() }]));
  const roles = Object.keys(tokens);
  const budget = Math.round(TOTAL * HTTP_SHARE);
  const one = async () => {
    const route = pick(rng, routes);
    const key = `${route.method} ${route.path}`;
    const role = pick(rng, roles);
    // Signing out would end the role's session for the rest of the run: only anonymous or forged tokens here.
    const token = route.path === '/api/auth/logout' ? pick(rng, [undefined, 'st_forged', 'garbage']) : tokens[role];
    const known = learnt.get(key)!;
    let path = fillPath(route);
    let payload: string | undefined;
    let contentType = 'application/json';
    if (route.method === 'GET' || route.method === 'DELETE') {
      const q = body(rng, known, ids as KnownIds);
      if (q && typeof q === 'object' && !Array.isArray(q)) {
        const qs = Object.entries(q)
          .map(([k, v]) => `${encodePart(k)}=${encodePart(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`)
          .join('&');
        if (qs) path += `?${qs}`;
      }
    } else {
      const r = rng();
      payload = r < 0.03 ? pick(rng, ['{"a":', '{"x":"\\u0000"}', '[', 'null', '"\\ud800"', '{"a":1}'.repeat(3)]) : JSON.stringify(body(rng, known, ids as KnownIds));
      if (r > 0.985) contentType = pick(rng, ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']);
    }
    counts.http++;
    const res = await fetch(base + path, {
      method: route.method,
      headers: { 'content-type': contentType, ...(token && { authorization: `Bearer ${token}` }) },
      ...(payload !== undefined && { body: payload }),
      signal: AbortSignal.timeout(15_000),
    }).catch((err: Error) => {
      counts.hangs++;
      problems.push(`${key} as ${role}: no answer (${err.name})`);
      return null;
    });
    if (!res) return;
    const text = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status < 300) reached.add(key);
    checkReply(`${route.method} ${path.slice(0, 120)} as ${role}`, res.status, text, res.headers.get('content-type') ?? '');
    if (res.status === 400 && text.startsWith('{')) learn(known, (JSON.parse(text) as { error?: never }).error);
  };
  for (let sent = 0; sent < budget; sent += 6) await Promise.all(Array.from({ length: Math.min(6, budget - sent) }, one));
  assert.equal(problems, []);
});

t('static folders: traversal and encodings', async () => {
  problems.length = 0;
  for (const ui of ['kiosk', 'display', 'counter', 'dashboard', 'booking']) {
    for (const p of ['..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2fserver%2fconfig.ts', '..%5c..%5cpackage.json', '%00', '%E0%A4%A', 'main.js%00.png', `${'a/'.repeat(50)}x`, '%c0%ae%c0%ae/']) {
      counts.static++;
      const res = await fetch(`${base}/${ui}/${p}`);
      const text = await res.text();
      checkReply(`GET /${ui}/${p}`, res.status, text, res.headers.get('content-type') ?? '');
      if (text.includes('"name": "yichuang"') || text.includes('getConfig')) problems.push(`/${ui}/${p}: served a file outside the folder`);
    }
  }
  assert.equal(problems, []);
});

t('socket.io: every event the server listens to, five roles and a visitor; anonymous and bad progress tokens are refused', async () => {
  problems.length = 0;
  const anonymous = socketFor(base, undefined);
  await connected(anonymous).then(
    () => problems.push('anonymous socket was accepted'),
    (err: Error) => assert.is(err.message, 'unauthenticated'),
  );
  anonymous.close();
  // A progress token that names no ticket (or is not one at all) is refused at the handshake too.
  for (const bad of ['x'.repeat(43), { $ne: null }, HOSTILE_STRINGS[0]]) {
    const visitor = progressSocketFor(base, bad);
    await connected(visitor).then(
      () => problems.push(`progress socket with ${JSON.stringify(bad)} was accepted`),
      (err: Error) => assert.is(err.message, 'unauthenticated'),
    );
    visitor.close();
  }
  let events: string[] = [];
  server.io.once('connection', (s) => {
    events = socketEvents(s).filter((e) => !['disconnect', 'disconnecting', 'error'].includes(e));
  });
  const sockets: [string, ClientSocket][] = [];
  for (const role of Object.keys(tokens).filter((r) => tokens[r])) {
    const s = socketFor(base, tokens[role]);
    await connected(s);
    sockets.push([role, s]);
  }
  // The phone page's visitor socket gets every event too (the policy table lets it only follow its ticket).
  const visitor = progressSocketFor(base, ids.token![0]);
  await connected(visitor);
  sockets.push(['visitor', visitor]);
  assert.ok(events.length >= 15, `found ${events.length} events: ${events.join(' ')}`);
  eventCount = events.length;
  const learnt = new Map<string, Learnt>(events.map((e) => [e, { wanted: new Set(), refused: new Set() }]));
  const budget = TOTAL - Math.round(TOTAL * HTTP_SHARE);
  const one = async () => {
    const [role, socket] = pick(rng, sockets);
    const event = pick(rng, events);
    const known = learnt.get(event)!;
    const payload = rng() < 0.05 ? hostile(rng) : body(rng, known, ids as KnownIds);
    counts.socket++;
    if (!socket.connected) return; // a deactivated or re-scoped socket: still counted as sent
    if (rng() < 0.03) {
      (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload); // no ack callback at all
      return;
    }
    const ack = (await (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload).catch(() => {
      counts.hangs++;
      problems.push(`${event} as ${role}: no ack`);
      return null;
    })) as { ok?: boolean; error?: { code?: string; message?: string } } | null;
    if (!ack) return;
    const text = JSON.stringify(ack);
    if (typeof ack.ok !== 'boolean') problems.push(`${event} as ${role}: malformed ack ${text.slice(0, 120)}`);
    if (ack.error?.code === 'internal_error') {
      counts.internalAcks++;
      problems.push(`${event} as ${role} ${JSON.stringify(payload).slice(0, 160)} → internal_error`);
    }
    checkReply(`${event} as ${role}`, 200, text, 'application/json');
    if (ack.ok === false) learn(known, ack.error);
    else reached.add(event);
  };
  for (let sent = 0; sent < budget; sent += 5) await Promise.all(Array.from({ length: Math.min(5, budget - sent) }, one));
  for (const [, s] of sockets) s.close();
  assert.equal(problems, []);
});

t('no crash, nothing logged as a server failure, and the server still answers', async () => {
  const health = await api(base, 'GET', '/api/health');
  assert.is(health.status, 200);
  const failures = logs.filter((l) => /failed/.test(l));
  console.log(
    `fuzz seed ${SEED}: ${counts.http + counts.socket + counts.static} payloads (${counts.http} HTTP, ${counts.socket} socket, ${counts.static} static) · ` +
      `5xx ${counts.status5xx} · internal_error acks ${counts.internalAcks} · hangs ${counts.hangs} · crashes ${counts.crashes} · server errors logged ${failures.length}`,
  );
  console.log(
    `  ${routeCount} routes and ${eventCount} events; ${reached.size} answered success at least once · HTTP statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ')}`,
  );
  assert.equal(failures, []);
  assert.is(counts.crashes, 0);
});

t.run();
