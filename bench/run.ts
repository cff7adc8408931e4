/**
 * `npm run bench`: the load generator runs in this process; the product server and a bare socket.io
 * server each run in a process of their own.
 *   1. Ticket issuing throughput: KIOSKS concurrent kiosks POST tickets over HTTP keep-alive.
 *   2. Counter call → display event latency: COUNTERS counters call next / no-show in a loop while
 *      DISPLAYS display sockets listen; latency = emit of 'ticket:call-next' → 'public:fact' at a display.
 *   3. Baseline in the same run: a bare socket.io broadcast (emit → room broadcast → receive).
 * Environment: BENCH_DATABASE_URL (default memory://), BENCH_TICKETS, BENCH_KIOSKS, BENCH_COUNTERS,
 * BENCH_CALLS, BENCH_DISPLAYS.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { startBareServer, startProductServer } from './processes';
import { ms, summary } from './stats';

const DB = process.env.BENCH_DATABASE_URL ?? 'memory://';
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 8);
const COUNTERS = Number(process.env.BENCH_COUNTERS ?? 4);
const CALLS = Number(process.env.BENCH_CALLS ?? 150);
const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 20);

const PASSWORD = 'yichuang2026';
const STAFF = ['staff1', 'staff2', 'staff3', 'staff4', 'manager', 'admin'];

type Ack = { ok: boolean; data?: any; error?: { code: string } };
const emit = (s: Socket, event: string, payload: unknown) => new Promise<Ack>((resolve) => s.emit(event, payload, resolve));
const connect = (url: string, token?: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

async function post(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

async function main() {
  console.log(`Yichuang benchmark — database ${DB}; ${TICKETS} tickets from ${KIOSKS} kiosks; ${COUNTERS} counters × ${CALLS} calls; ${DISPLAYS} display sockets`);
  const product = await startProductServer(DB);
  const bare = await startBareServer();
  const base = `http://127.0.0.1:${product.port}`;
  const sockets: Socket[] = [];
  try {
    const login = async (u: string) => (await post(base, '/api/auth/login', { username: u, password: PASSWORD })).json.data.token as string;
    const admin = await login('admin');
    const halls = await (await fetch(`${base}/api/halls`, { headers: { authorization: `Bearer ${admin}` } })).json();
    const hallId = halls.data[0].id as string;
    const matters = (await (await fetch(`${base}/api/halls/${hallId}/matters`, { headers: { authorization: `Bearer ${admin}` } })).json()).data as any[];
    const social = matters.find((m) => m.name === '社保登记');

    // 1. Issuing throughput.
    let issued = 0;
    const issueLatency: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: KIOSKS }, async () => {
        while (issued < TICKETS) {
          issued++;
          const s = performance.now();
          const r = await post(base, `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: social.id }, 'dv_demo-kiosk-1');
          if (r.status !== 201) throw new Error(`issue failed: ${JSON.stringify(r.json)}`);
          issueLatency.push(performance.now() - s);
        }
      }),
    );
    const issueSeconds = (performance.now() - t0) / 1000;
    const iss = summary(issueLatency);

    // 2. Call → display latency under load.
    const displays = await Promise.all(Array.from({ length: DISPLAYS }, () => connect(base, 'dv_demo-display-1')));
    sockets.push(...displays);
    for (const d of displays) await emit(d, 'public:subscribe', { hallId });
    const pending = new Map<string, number>();
    const callLatency: number[] = [];
    displays[0]!.on('public:fact', (f: any) => {
      if (f.type !== 'ticket:called') return;
      // The fact reaches displays before the caller's ack returns, so match by counter.
      const started = pending.get(f.ticket.counterId);
      if (started !== undefined) {
        callLatency.push(performance.now() - started);
        pending.delete(f.ticket.counterId);
      }
    });
    const counters = (await (await fetch(`${base}/api/halls/${hallId}/counters`, { headers: { authorization: `Bearer ${admin}` } })).json()).data as any[];
    const socialCounters = counters.filter((c) => c.matterIds.includes(social.id)).slice(0, COUNTERS);
    const t1 = performance.now();
    await Promise.all(
      socialCounters.map(async (c, i) => {
        const s = await connect(base, await login(STAFF[i]!));
        sockets.push(s);
        const took = await emit(s, 'counter:take', { commandId: randomUUID(), counterId: c.id });
        if (!took.ok) throw new Error(`take failed: ${JSON.stringify(took.error)}`);
        for (let k = 0; k < CALLS; k++) {
          pending.set(c.id, performance.now());
          const r = await emit(s, 'ticket:call-next', { commandId: randomUUID(), counterId: c.id });
          if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
          await emit(s, 'ticket:no-show', { commandId: randomUUID(), counterId: c.id, ticketId: r.data.ticket.id });
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const callSeconds = (performance.now() - t1) / 1000;
    const call = summary(callLatency);

    // 3. Bare socket.io broadcast, same run, same number of listeners.
    const bareBase = `http://127.0.0.1:${bare.port}`;
    const bareDisplays = await Promise.all(Array.from({ length: DISPLAYS }, () => connect(bareBase)));
    sockets.push(...bareDisplays);
    for (const d of bareDisplays) await new Promise<void>((resolve) => d.emit('join', 'display', resolve));
    const senders = await Promise.all(Array.from({ length: COUNTERS }, () => connect(bareBase)));
    sockets.push(...senders);
    const bareLatency: number[] = [];
    const bareStarted = new Map<string, number>();
    bareDisplays[0]!.on('pong', (p: { id: string }) => {
      const s = bareStarted.get(p.id);
      if (s !== undefined) bareLatency.push(performance.now() - s);
    });
    await Promise.all(
      senders.map(async (s) => {
        for (let k = 0; k < CALLS; k++) {
          const id = randomUUID();
          bareStarted.set(id, performance.now());
          await new Promise((resolve) => s.emit('ping', { id, number: 'C001', counter: 4 }, resolve));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const bareS = summary(bareLatency);

    console.log(`
Ticket issuing (HTTP, ${KIOSKS} concurrent kiosks, one matter, growing queue):
  ${TICKETS} tickets in ${issueSeconds.toFixed(2)} s → ${(TICKETS / issueSeconds).toFixed(0)} tickets/s; latency p50 ${ms(iss.p50)}, p99 ${ms(iss.p99)}

Counter call → display event (${COUNTERS} counters, call-next + no-show loop, ${DISPLAYS} display sockets):
  ${call.n} calls in ${callSeconds.toFixed(2)} s (${((call.n * 2) / callSeconds).toFixed(0)} commands/s); latency p50 ${ms(call.p50)}, p99 ${ms(call.p99)}, max ${ms(call.max)}

Baseline, bare socket.io broadcast (same senders and listeners):
  ${bareS.n} broadcasts; latency p50 ${ms(bareS.p50)}, p99 ${ms(bareS.p99)}

Ratio product / bare: p50 ×${(call.p50 / bareS.p50).toFixed(1)}, p99 ×${(call.p99 / bareS.p99).toFixed(1)}
Server peak RSS: ${product.peakRssMb().toFixed(0)} MB
`);
  } finally {
    for (const s of sockets) s.close();
    await product.stop();
    await bare.stop();
  }
}

main().catch((err) => {
  console.error('benchmark failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
