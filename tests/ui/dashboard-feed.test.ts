/** The dashboard's per-hall feed: snapshot + delta, server alerts, notices, debounced refresh of today's stats. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import type { HallFact, HallNotice } from '../../server/protocol/events';
import type { TodayStatsView } from '../../server/protocol/dashboard';
import type { HallSnapshot } from '../../server/protocol/views';
import { createHallFeed, type Timers } from '../../dashboard-ui/src/stores/hall-feed';
import { snapshot, ticket } from './dashboard-fixture';

function fakeTimers(): Timers & { run(): void; pending(): number } {
  let jobs: { fn: () => void; id: number }[] = [];
  let n = 0;
  return {
    setTimeout(fn) {
      jobs.push({ fn, id: ++n });
      return n;
    },
    clearTimeout(id) {
      jobs = jobs.filter((j) => j.id !== id);
    },
    run() {
      const now = jobs;
      jobs = [];
      for (const j of now) j.fn();
    },
    pending: () => jobs.length,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const timers = fakeTimers();
  let snaps = 0;
  let statsCalls = 0;
  let snap: HallSnapshot = snapshot();
  const notice: HallNotice = { id: 'n1', text: '系统维护', at: '2026-03-05T01:00:00Z', until: '2026-03-05T03:00:00Z' };
  const feed = createHallFeed({
    hallId: 'hall-1',
    timers,
    subscribe: async () => (snaps++, snap),
    fetchStats: async (): Promise<Ack<TodayStatsView>> => (statsCalls++, { ok: true, data: { hallId: 'hall-1', serviceDate: '2026-03-05', generatedAt: '', counterHandlingTargetMinutes: 20, totals: {} as never, byHour: [{ hour: 9, issued: statsCalls, served: 0 }] } }),
    fetchNotice: async () => ({ ok: true, data: notice }),
  });
  return { feed, timers, snaps: () => snaps, stats: () => statsCalls, setSnap: (s: HallSnapshot) => (snap = s) };
}

/** Only the fields the feed reads (the server's facts are typed per type). */
const fact = (seq: number, type: HallFact['type'], extra: Partial<HallFact> = {}): HallFact => ({ seq, hallId: 'hall-1', type, at: '2026-03-05T02:00:00Z', ...extra }) as HallFact;

const f = suite('dashboard hall feed');

f('presence: the snapshot’s online counters, then counter:presence events; other halls ignored', async () => {
  const { feed, setSnap } = setup();
  setSnap({ ...snapshot(), onlineCounterIds: ['c1', 'c2'] });
  await feed.resync();
  assert.equal([...feed.online.get()].sort(), ['c1', 'c2']);
  feed.presence({ hallId: 'hall-1', counterId: 'c1', online: false });
  feed.presence({ hallId: 'hall-1', counterId: 'c3', online: true });
  feed.presence({ hallId: 'hall-9', counterId: 'c2', online: false });
  assert.equal([...feed.online.get()].sort(), ['c2', 'c3']);
  setSnap({ ...snapshot(), onlineCounterIds: [] });
  await feed.resync();
  assert.equal([...feed.online.get()], [], 'a resync replaces the set');
});

f('resync loads the snapshot, then today’s stats and the active notice', async () => {
  const { feed, snaps, stats } = setup();
  await feed.resync();
  assert.is(snaps(), 1);
  assert.is(stats(), 1);
  assert.is(feed.sync.state.get()?.seq, 40);
  assert.is(feed.notice.get()?.text, '系统维护');
});

f('the next fact applies in place; relevant facts refresh the stats once, after a short delay', async () => {
  const { feed, timers, stats } = setup();
  await feed.resync();
  const called = ticket('t-w1', 'A001', { status: 'called', counterId: 'c5', counterNumber: 5, firstCalledAt: '2026-03-05T02:00:00Z' });
  feed.receive(fact(41, 'ticket:called', { ticket: called }));
  feed.receive(fact(42, 'ticket:issued', { ticket: ticket('t-new', 'A010') }));
  assert.is(feed.sync.state.get()?.seq, 42);
  assert.is(feed.sync.state.get()?.tickets.find((t) => t.id === 't-w1')?.status, 'called');
  assert.is(stats(), 1);
  assert.is(timers.pending(), 1);
  timers.run();
  await flush();
  assert.is(stats(), 2);
  assert.is(feed.stats.get()?.byHour[0]?.issued, 2);
});

f("server alerts are remembered per ticket; a fact of another hall is ignored; a gap the reorder window does not close re-snapshots", async () => {
  const { feed, snaps, timers } = setup();
  await feed.resync();
  feed.receive(fact(41, 'ticket:at-risk', { ticket: ticket('t-w1', 'A001', { alertLevel: 'at_risk' }) }));
  feed.receive(fact(42, 'ticket:breached', { ticket: ticket('t-w1', 'A001', { alertLevel: 'breached' }) }));
  assert.is(feed.alerts.get().get('t-w1'), 'breached');
  feed.receive({ ...fact(43, 'ticket:issued'), hallId: 'hall-2' });
  assert.is(feed.sync.state.get()?.seq, 42);
  feed.receive(fact(45, 'ticket:issued', { ticket: ticket('t-x', 'A011') }));
  await flush();
  assert.is(snaps(), 1, 'the reorder window is open');
  timers.run();
  await flush();
  assert.is(snaps(), 2);
});

f('a hall:notice fact replaces the notice; a cleared one (empty text) removes it', async () => {
  const { feed } = setup();
  await feed.resync();
  feed.receive(fact(41, 'hall:notice', { notice: { id: 'n2', text: '午间暂停取号', at: '', until: '2026-03-05T04:00:00Z' } }));
  assert.is(feed.notice.get()?.text, '午间暂停取号');
  feed.receive(fact(42, 'hall:notice', { notice: { id: 'n3', text: '', at: '', until: '' } }));
  assert.is(feed.notice.get(), null);
  assert.is(feed.sync.state.get()?.seq, 42);
});

f('a configuration change re-snapshots; a failed snapshot is retried later', async () => {
  const { feed, snaps, timers, setSnap } = setup();
  await feed.resync();
  feed.receive(fact(41, 'hall:configured'));
  await flush();
  assert.is(snaps(), 2);
  setSnap(undefined as never);
  const broken = createHallFeed({
    hallId: 'hall-1',
    timers,
    subscribe: async () => {
      throw new Error('timeout');
    },
    fetchStats: async () => ({ ok: false, error: { code: 'internal_error', message: 'x' } }),
    fetchNotice: async () => ({ ok: true, data: null }),
  });
  await broken.resync();
  assert.is(broken.sync.status.get(), 'error');
  assert.ok(timers.pending() >= 1);
  broken.dispose();
  feed.dispose();
});

f.run();
