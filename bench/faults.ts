/**
 * `npm run bench:faults`: node restart convergence at hall size. Two server processes on a
 * throwaway PostgreSQL (started and removed here, never the shared server), DISPLAYS display
 * sockets spread over both, each a real display's client (ui-shared `connect` + the display's own
 * session: snapshot on every connect, facts in seq order, seq heartbeat, day check), while a
 * counter on node A keeps issuing and calling. Then RUNS times: node B is killed (SIGKILL), stays
 * down DOWN_MS, and is restarted on the same port. For each of B's displays it measures, from the
 * moment B listens again, when the display was online, when it had its snapshot, and when it showed
 * the database's current seq (converged); the run's figure is when the LAST display converged.
 * Environment: BENCH_DISPLAYS (1000), BENCH_RUNS (3), BENCH_DOWN_MS (1500), BENCH_CALL_EVERY_MS (300).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { connect, type Connection } from '../ui-shared/src/connection';
import { createDisplaySession, type DisplaySession } from '../display-ui/src/stores/display-session';
import { startServerProcess, type ServerProcess } from '../tests/_support/processes';
import { startThrowawayPg } from '../tests/_support/throwaway-pg';
import { api, connected, emitAck, loginAs, socketFor } from '../tests/_support/server';
import { percentile } from './stats';

const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DOWN_MS = Number(process.env.BENCH_DOWN_MS ?? 1500);
const CALL_EVERY_MS = Number(process.env.BENCH_CALL_EVERY_MS ?? 300);
const KIOSK_TOKEN = 'dv_demo-kiosk-1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Display {
  conn: Connection;
  session: DisplaySession;
  node: 'A' | 'B';
  onlineAt: number | null;
  snapshotAt: number | null;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function distribution(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `n=${s.length} p50=${percentile(s, 50)} p90=${percentile(s, 90)} p99=${percentile(s, 99)} max=${s[s.length - 1]} ms`;
}

async function main() {
  console.log(`bench:faults — ${DISPLAYS} displays over 2 nodes, ${RUNS} kill -9 + restart of node B (down ${DOWN_MS} ms); load ${load()}`);
  const pgServer = await startThrowawayPg();
  const env = { DATABASE_URL: pgServer.url, PII_KEY: '55'.repeat(32), SEED_DEMO: 'true' };
  const a = await startServerProcess({ name: 'A', env });
  let b: ServerProcess = await startServerProcess({ name: 'B', env });
  const db = new pg.Client({ connectionString: pgServer.url });
  db.on('error', () => {});
  await db.connect();
  const displays: Display[] = [];
  let stopLoad = false;
  try {
    const admin = await loginAs(a.url, 'admin');
    const hallId = (await api(a.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id as string;
    await api(a.url, 'PATCH', `/api/halls/${hallId}`, { settings: { kioskIssuing: 'always' } }, admin);
    const matters = (await api(a.url, 'GET', `/api/halls/${hallId}/matters`, undefined, KIOSK_TOKEN)).json.data as { id: string; name: string }[];
    const matterId = matters[0]!.id;
    const staff = socketFor(a.url, await loginAs(a.url, 'staff1'));
    await connected(staff);
    const snap = await emitAck<{ counters: { id: string; number: number }[] }>(staff, 'hall:subscribe', { hallId });
    const counterId = snap.data!.counters.find((c) => c.number === 1)!.id;
    await emitAck(staff, 'counter:take', { commandId: randomUUID(), counterId });
    let calls = 0;
    const loadLoop = (async () => {
      while (!stopLoad) {
        const started = Date.now();
        await api(a.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId }, KIOSK_TOKEN).catch(() => null);
        const called = await emitAck<{ ticket: { id: string } }>(staff, 'ticket:call-next', { commandId: randomUUID(), counterId });
        if (called.ok) {
          calls++;
          await emitAck(staff, 'ticket:start', { commandId: randomUUID(), counterId, ticketId: called.data!.ticket.id });
          await emitAck(staff, 'ticket:finish', { commandId: randomUUID(), counterId, ticketId: called.data!.ticket.id });
        }
        await sleep(Math.max(0, CALL_EVERY_MS - (Date.now() - started)));
      }
    })();

    // A display device (and token) of its own for every screen, as in a real hall.
    const tokens = Array.from({ length: DISPLAYS }, (_, i) => `dv_bench-${i}-${randomUUID()}`);
    await db.query(
      `INSERT INTO devices (hall_id, kind, name, token_hash) SELECT $1, 'display', 'bench display ' || n, h FROM unnest($2::text[]) WITH ORDINALITY AS t(h, n)`,
      [hallId, tokens.map((t) => createHash('sha256').update(t).digest('base64url'))],
    );
    const opened = Date.now();
    for (let i = 0; i < DISPLAYS; i++) {
      const node = i % 2 ? 'B' : 'A';
      const conn = connect({ url: node === 'A' ? a.url : b.url, token: tokens[i]! });
      const d: Display = { conn, session: createDisplaySession(conn), node, onlineAt: null, snapshotAt: null };
      conn.state.subscribe((s) => s === 'online' && d.onlineAt === null && (d.onlineAt = Date.now()));
      d.session.sync.status.subscribe((s) => s === 'live' && d.snapshotAt === null && (d.snapshotAt = Date.now()));
      displays.push(d);
    }
    const truthSeq = async () => Number((await db.query('SELECT event_seq FROM halls WHERE id = $1', [hallId])).rows[0].event_seq);
    const untilAllCurrent = async (limitMs: number, from: number) => {
      const at = new Map<Display, number>();
      while (Date.now() - from < limitMs && at.size < displays.length) {
        const seq = await truthSeq();
        const now = Date.now();
        for (const d of displays) if (!at.has(d) && d.session.sync.state.get()?.seq === seq) at.set(d, now - from);
        await sleep(50);
      }
      return at;
    };
    const first = await untilAllCurrent(60_000, opened);
    console.log(`  all ${DISPLAYS} opened: ${first.size} current; time to current ${distribution([...first.values()])}; load ${load()}`);

    const lastConverged: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await b.kill();
      await sleep(DOWN_MS);
      const onB = displays.filter((d) => d.node === 'B');
      b = await startServerProcess({ name: `B${run}`, env, port: b.port });
      const restartedAt = Date.now();
      const cpuBefore = { b: cpuSeconds(b.child.pid), bench: process.cpuUsage() };
      for (const d of onB) d.onlineAt = d.snapshotAt = null;
      const converged = await untilAllCurrent(60_000, restartedAt);
      const benchCpu = process.cpuUsage(cpuBefore.bench);
      const cpu = `CPU used meanwhile: node B ${(cpuSeconds(b.child.pid) - cpuBefore.b).toFixed(2)} s, this client process ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(2)} s`;
      const onBTimes = onB.map((d) => converged.get(d) ?? Infinity);
      const stale = displays.filter((d) => !converged.has(d)).length;
      const last = Math.max(...onBTimes);
      lastConverged.push(last);
      console.log(
        `  run ${run}: B's ${onB.length} displays — online ${distribution(onB.map((d) => (d.onlineAt ?? Infinity) - restartedAt))}; ` +
          `snapshot ${distribution(onB.map((d) => (d.snapshotAt ?? Infinity) - restartedAt))}; converged ${distribution(onBTimes)}; ` +
          `not converged in 60 s: ${stale}; ${calls} calls so far; ${cpu}; load ${load()}`,
      );
      await sleep(3000);
    }
    const sorted = [...lastConverged].sort((x, y) => x - y);
    console.log(`last display converged after restart, per run: ${lastConverged.join(', ')} ms; median ${percentile(sorted, 50)} ms (target ≤ 10000); load ${load()}`);
    staff.close();
  } finally {
    stopLoad = true;
    for (const d of displays) {
      d.session.dispose();
      d.conn.close();
    }
    await db.end().catch(() => {});
    await Promise.all([a.stop(), b.stop()]);
    await pgServer.remove();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
