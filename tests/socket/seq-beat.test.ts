/**
 * The seq beat beats only the rooms that need it (server/socket/seq-heartbeat.ts, docs/performance.md
 * "Fan-out, third pass"): a room that heard its hall's last seq on this node — as a fact emitted
 * through local-facts.ts or as an earlier beat — is left alone; a room behind the database's seq is
 * beaten; every room on a new service day; each hall once every FULL_BEAT_EVERY beats (backstop);
 * beatNow() beats them all. A real database (the halls' event_seq), a recording socket.io stand-in.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { halls } from '../../db/schema';
import type { HallSeqBeat } from '../../server/protocol/heartbeat';
import { emitLocal } from '../../server/socket/local-facts';
import { rooms } from '../../server/socket/rooms';
import { backstopTurn, FULL_BEAT_EVERY, startSeqHeartbeat, type SeqHeartbeat } from '../../server/socket/seq-heartbeat';
import type { IoServer } from '../../server/socket/socket-server';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall, testDeps } from '../_support/fixtures';

const t = suite('seq beat');
let db: TestDb;
let hallId = '';
let now = new Date('2026-12-01T02:00:00Z'); // 10:00 in the hall (Asia/Shanghai)
let beat: SeqHeartbeat;
const sent: { rooms: string[]; event: string; payload: unknown }[] = [];
const roomMap = new Map<string, Set<string>>();
const io = {
  of: () => ({ adapter: { rooms: roomMap } }),
  local: { to: (to: string[]) => ({ emit: (event: string, payload: unknown) => sent.push({ rooms: to, event, payload }) }) },
};
const beats = () => sent.filter((s) => s.event === 'hall:seq').map((s) => s.payload as HallSeqBeat);
const setSeq = (seq: number) => db.db.update(halls).set({ eventSeq: seq }).where(eq(halls.id, hallId));

t.before(async () => {
  db = await createTestDb();
  hallId = (await seedDemoHall(db.db)).hallId;
  roomMap.set(rooms.hallStaff(hallId), new Set(['s1']));
  roomMap.set(rooms.hallPublic(hallId), new Set(['d1', 'd2']));
  await setSeq(5);
  beat = startSeqHeartbeat(io as unknown as IoServer, testDeps(db.db, { now: () => now }), { intervalMs: 3_600_000, log: () => {} });
});
t.after(async () => {
  beat.stop();
  await db.drop();
});

/** A whole round of timer beats (the hall's backstop turn among them), not counted. */
async function pastBackstop(): Promise<void> {
  for (let i = 0; i < FULL_BEAT_EVERY; i++) {
    sent.length = 0;
    await beat.beatNow(false);
  }
  sent.length = 0;
}

t('a room that heard the last seq is not beaten; one behind the database is; a beat counts as heard', async () => {
  await beat.beatNow(false); // first beat: the day was never beaten here
  assert.equal(beats(), [{ hallId, seq: 5, serviceDate: '2026-12-01' }]);
  assert.equal(sent[0]!.rooms.sort(), [rooms.hallPublic(hallId), rooms.hallStaff(hallId)].sort());

  // In sync after that beat (a beat counts as heard): the next rounds write nothing but the hall's backstop turn.
  const turn = backstopTurn(hallId);
  let beaten = 0;
  for (let i = 1; i < FULL_BEAT_EVERY; i++) {
    sent.length = 0;
    await beat.beatNow(false);
    beaten += beats().length;
  }
  assert.is(beaten, i0(turn), 'only the backstop turn beats a hall in sync');

  // A fact committed and emitted here (both rooms): still in sync.
  await setSeq(6);
  const fact = { hallId, seq: 6, type: 'ticket:called', at: now.toISOString() };
  emitLocal(io, [rooms.hallStaff(hallId)], 'hall:fact', fact);
  emitLocal(io, [rooms.hallPublic(hallId)], 'public:fact', fact);
  let rounds = 0;
  sent.length = 0;
  while (rounds < FULL_BEAT_EVERY && beats().length === 0) {
    await beat.beatNow(false);
    rounds++;
  }
  // The rounds so far were 0 … FULL_BEAT_EVERY − 1: the next ones start again at turn 0.
  assert.is(rounds, turn + 1, 'in sync: the next beat is the backstop turn');

  // A fact this node never heard (committed on another node, its NOTIFY lost): beaten at the next beat.
  await pastBackstop();
  await setSeq(7);
  await beat.beatNow(false);
  assert.equal(beats().map((b) => b.seq), [7]);

  // Only the public room heard 8 (the staff delivery was lost): the hall is beaten.
  await setSeq(8);
  emitLocal(io, [rooms.hallPublic(hallId)], 'public:fact', { ...fact, seq: 8 });
  sent.length = 0;
  await beat.beatNow(false);
  assert.equal(beats().map((b) => b.seq), [8]);
});

t('a new service day is beaten whatever the seq; beatNow() beats every room', async () => {
  await pastBackstop();
  now = new Date('2026-12-01T16:00:30Z'); // 00:00:30 on 2 December in the hall
  await beat.beatNow(false);
  assert.equal(beats(), [{ hallId, seq: 8, serviceDate: '2026-12-02' }]);
  sent.length = 0;
  await beat.beatNow();
  assert.equal(beats(), [{ hallId, seq: 8, serviceDate: '2026-12-02' }], 'a full beat, in sync or not');
});

/** How many of the rounds 1 … FULL_BEAT_EVERY − 1 are the hall's backstop turn (the round counter starts at 0). */
function i0(turn: number): number {
  return turn === 0 ? 0 : 1;
}

t.run();
