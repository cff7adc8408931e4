/**
 * Database outages, on a PostgreSQL of the test's own, with two separate server processes:
 * the database stopped (as in a restart or a crash) and every backend terminated, several times in
 * a row (more outages than the fan-out's pool has connections). Asserted each time: no process
 * exits; a command during the outage fails within 2 s with `database_unavailable`; /api/health
 * says 503 'down'; and within 5 s after the database is back, a ticket issued on one node and
 * called on the other reaches the displays on both nodes — the fan-out recovered too.
 */
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { api, loginAs, socketFor, connected, type ClientSocket } from '../_support/server';
import { startServerProcess, type ServerProcess } from '../_support/processes';
import { startThrowawayPg, type ThrowawayPg } from '../_support/throwaway-pg';
import { command, hallIdOf, issueAtAnyHour, issueTicket, matterId, median, openSyncedDisplay, sleep, truthOf, waitFor, type SyncedDisplay } from './_clients';

const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 3000);
const ROUNDS: ('stop' | 'crash' | 'terminate')[] = ['stop', 'terminate', 'crash', 'stop', 'terminate', 'stop'];

const t = suite('database outages with two server processes');
let pg: ThrowawayPg;
let a: ServerProcess;
let b: ServerProcess;
let staff: ClientSocket;
let displays: SyncedDisplay[] = [];
let hallId: string;
let matter: string;
let counterId: string;

t.before(async () => {
  pg = await startThrowawayPg();
  const env = { DATABASE_URL: pg.url, PII_KEY: '44'.repeat(32), SEED_DEMO: 'true' };
  a = await startServerProcess({ name: 'A', env });
  b = await startServerProcess({ name: 'B', env });
  const token = await loginAs(a.url, 'staff1');
  hallId = await hallIdOf(a.url, token);
  await issueAtAnyHour(a.url, hallId);
  matter = await matterId(a.url, hallId, '企业设立登记');
  staff = socketFor(a.url, token);
  await connected(staff);
  const snap = await api(a.url, 'GET', `/api/halls/${hallId}/snapshot`, undefined, token);
  counterId = snap.json.data.counters.find((c: { number: number }) => c.number === 1).id;
  const took = await command(staff, 'counter:take', { counterId });
  assert.ok(took.ok, JSON.stringify(took.error));
  displays = [openSyncedDisplay(a.url, hallId), openSyncedDisplay(b.url, hallId)];
  await waitFor(() => displays.every((d) => d.sync.status.get() === 'live'), 10_000, 'displays live');
});

t.after(async () => {
  for (const d of displays) d.close();
  staff?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await pg?.remove();
});

async function health(p: ServerProcess) {
  const started = Date.now();
  const r = await api(p.url, 'GET', '/api/health');
  return { ...r, ms: Date.now() - started };
}

/** Issue on B, call on A; resolves with the instant both displays showed the call. */
async function issueAndCallAcrossNodes(deadline: number): Promise<number> {
  // A retry re-sends the same commandId, as the UIs do: an outcome lost with the connection is replayed, not repeated.
  const issueId = randomUUID();
  for (;;) {
    const issued = await issueTicket(b.url, hallId, matter, issueId);
    if (issued.status === 201) break;
    assert.is(issued.json.error?.code, 'database_unavailable', `while recovering: ${JSON.stringify(issued.json)}`);
    if (Date.now() > deadline) throw new Error('issuing never recovered');
    await sleep(100);
  }
  let called: Awaited<ReturnType<typeof command>>;
  const callId = randomUUID();
  for (;;) {
    called = await command(staff, 'ticket:call-next', { counterId, commandId: callId });
    if (called.ok) break;
    assert.is(called.error?.code, 'database_unavailable', JSON.stringify(called.error));
    if (Date.now() > deadline) throw new Error('calling never recovered');
    await sleep(100);
  }
  const ticketId = (called.data as { ticket: { id: string } }).ticket.id;
  const shown = () => displays.every((d) => d.sync.state.get()?.recentCalls.some((c) => c.ticketId === ticketId));
  await waitFor(shown, Math.max(0, deadline - Date.now()), 'the call on both displays', 20);
  const shownAt = Date.now();
  const finish = await command(staff, 'ticket:start', { counterId, ticketId });
  assert.ok(finish.ok, JSON.stringify(finish.error));
  assert.ok((await command(staff, 'ticket:finish', { counterId, ticketId })).ok);
  return shownAt;
}

t('survives repeated outages: fails fast, tells the truth, recovers by itself within 5 s, fan-out included', async () => {
  await issueAndCallAcrossNodes(Date.now() + 10_000);
  const recoveries: number[] = [];
  const failFast: number[] = [];
  for (const [i, kind] of ROUNDS.entries()) {
    if (kind === 'terminate') {
      const n = await pg.terminateConnections();
      assert.ok(n > 0, 'there were connections to terminate');
    } else {
      await pg.stop(kind === 'crash' ? 'immediate' : 'fast');
      const outageStart = Date.now();
      const [issued, ack, ha, hb] = await Promise.all([
        (async () => {
          const s = Date.now();
          const r = await issueTicket(a.url, hallId, matter);
          return { ...r, ms: Date.now() - s };
        })(),
        (async () => {
          const s = Date.now();
          const r = await command(staff, 'ticket:call-next', { counterId });
          return { ...r, ms: Date.now() - s };
        })(),
        health(a),
        health(b),
      ]);
      assert.is(issued.status, 503, `round ${i}: HTTP command during the outage → 503 (${JSON.stringify(issued.json)})`);
      assert.is(issued.json.error.code, 'database_unavailable');
      assert.ok(issued.ms <= 2000, `round ${i}: HTTP failed in ${issued.ms} ms`);
      assert.is(ack.ok, false);
      assert.is(ack.error?.code, 'database_unavailable');
      assert.ok(ack.ms <= 2000, `round ${i}: socket command failed in ${ack.ms} ms`);
      failFast.push(issued.ms, ack.ms);
      for (const h of [ha, hb]) {
        assert.is(h.status, 503, 'health is not ok while the database is down');
        assert.is(h.json.data.db, 'down');
        assert.ok(h.ms <= 2000, `health answered in ${h.ms} ms`);
      }
      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStart)));
      assert.is(a.exited(), null, `A exited during the outage:\n${a.output()}`);
      assert.is(b.exited(), null, `B exited during the outage:\n${b.output()}`);
      await pg.start();
    }
    const back = Date.now();
    const shownAt = await issueAndCallAcrossNodes(back + 5000);
    recoveries.push(shownAt - back);
    for (const p of [a, b]) {
      const h = await waitFor(async () => ((await health(p)).status === 200 ? health(p) : null), 5000 - (Date.now() - back), `${p.name} healthy`);
      assert.is(h.json.data.db, 'up');
      assert.is(h.json.data.fanout, 'listening');
    }
  }
  assert.is(a.exited(), null, a.output());
  assert.is(b.exited(), null, b.output());
  const truth = await truthOf(a.url, hallId);
  await waitFor(() => displays.every((d) => d.sync.state.get()?.seq === truth.seq), 6000, 'displays converged to the truth');
  console.log(
    `outage figures: recovery (database back → a call issued on B, called on A, shown on both displays) median ${median(recoveries)} ms, max ${Math.max(...recoveries)} ms over ${recoveries.length} rounds [${recoveries.join(', ')}]; fail-fast median ${median(failFast)} ms, max ${Math.max(...failFast)} ms; snapshots per display ${displays.map((d) => JSON.stringify(d.sync.snapshotReasons())).join(' / ')}`,
  );
});

t.run();
