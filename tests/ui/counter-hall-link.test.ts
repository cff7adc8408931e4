/** The live link: snapshot on every (re)connect, facts in seq order, gaps re-snapshot, server time, badge. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import { badgeFor, createHallLink } from '../../counter-ui/src/stores/hall-link';
import { createServerClock } from '../../counter-ui/src/stores/server-clock';
import { HALL, NOW, fact, fakeConnection, snapshot, tick, ticket } from './counter-fixture';

function setup(localNow = () => NOW) {
  const fake = fakeConnection();
  const browserOnline = createStore(true);
  let unauthorised = 0;
  const clock = createServerClock(localNow);
  const link = createHallLink({ connection: fake.connection, hallId: HALL, clock, browserOnline, localNow, retryMs: 5, reorderWindowMs: 40, onUnauthorised: () => unauthorised++ });
  return { fake, link, clock, browserOnline, unauthorised: () => unauthorised };
}

const test = suite('hall link');

test('subscribes when connected and keeps the snapshot', async () => {
  const { fake, link } = setup();
  assert.is(fake.emitted.length, 0, 'nothing before the connection');
  fake.goOnline();
  assert.equal(fake.emitted.map((e) => [e.event, e.payload]), [['hall:subscribe', { hallId: HALL }]]);
  assert.is(link.badge.get(), 'syncing');
  fake.answerSnapshot(snapshot({ seq: 10 }));
  await tick();
  assert.is(link.sync.state.get()?.seq, 10);
  assert.is(link.badge.get(), 'online');
  assert.ok(link.online.get());
});

test('applies the next fact, ignores old ones, re-snapshots on a gap the reorder window does not close', async () => {
  const { fake, link } = setup();
  fake.goOnline();
  fake.answerSnapshot(snapshot({ seq: 10 }));
  await tick();
  const t = ticket({ number: 'A010' });
  fake.push(fact(11, 'ticket:issued', { ticket: t }));
  assert.is(link.sync.state.get()?.tickets.length, 1);
  fake.push(fact(9, 'ticket:issued', { ticket: ticket() }));
  assert.is(link.sync.state.get()?.seq, 11, 'an old fact changes nothing');
  fake.push(fact(13, 'ticket:issued', { ticket: ticket() }));
  assert.is(link.sync.state.get()?.seq, 11, 'a fact ahead of the next seq waits');
  await new Promise((r) => setTimeout(r, 60));
  assert.is(fake.emitted.filter((e) => e.event === 'hall:subscribe').length, 1, 'a gap still open after the reorder window asks for a fresh snapshot');
  fake.answerSnapshot(snapshot({ seq: 13 }));
  await tick();
  assert.is(link.sync.snapshots(), 2);
});

test('facts of another hall are not applied', async () => {
  const { fake, link } = setup();
  fake.goOnline();
  fake.answerSnapshot(snapshot({ seq: 10 }));
  await tick();
  fake.push({ ...fact(11, 'ticket:issued', { ticket: ticket() }), hallId: 'other' });
  assert.is(link.sync.state.get()?.seq, 10);
});

test('after a reconnect it resyncs by itself; the badge says reconnecting meanwhile', async () => {
  const { fake, link, browserOnline } = setup();
  fake.goOnline();
  fake.answerSnapshot(snapshot({ seq: 10 }));
  await tick();
  fake.goOffline();
  assert.is(link.badge.get(), 'reconnecting');
  assert.not.ok(link.online.get());
  browserOnline.set(false);
  assert.is(link.badge.get(), 'offline', 'no network at all');
  browserOnline.set(true);
  fake.goOnline();
  fake.answerSnapshot(snapshot({ seq: 15 }));
  await tick();
  assert.is(link.sync.state.get()?.seq, 15);
  assert.is(link.sync.snapshots(), 2);
  assert.is(link.badge.get(), 'online');
});

test('server time: the offset comes from the snapshot and the round trip', async () => {
  let local = NOW - 120_000; // this PC is two minutes slow
  const { fake, clock } = setup(() => local);
  fake.goOnline();
  local += 200; // 200 ms round trip
  fake.answerSnapshot(snapshot({ serverTime: new Date(NOW + 100).toISOString() }));
  await tick();
  assert.is(clock.offset(), 120_000);
  assert.is(clock.now(), NOW + 100 + 100);
});

test('a refused session ends it; other refusals are kept and retried', async () => {
  const { fake, link, unauthorised } = setup();
  fake.goOnline();
  fake.refuseSnapshot('forbidden');
  await tick();
  assert.equal(link.error.get(), { code: 'forbidden', message: 'forbidden' });
  await new Promise((r) => setTimeout(r, 20));
  assert.is(fake.emitted.filter((e) => e.event === 'hall:subscribe').length, 1, 'retried');
  fake.refuseSnapshot('unauthenticated');
  await tick();
  assert.is(unauthorised(), 1);
  fake.connection.state.set('unauthorised');
  assert.is(unauthorised(), 2, 'a refused handshake too');
  assert.is(link.badge.get(), 'offline');
  link.dispose();
});

test('dispose closes the connection and stops listening', async () => {
  const { fake, link } = setup();
  fake.goOnline();
  fake.answerSnapshot(snapshot({ seq: 10 }));
  await tick();
  link.dispose();
  assert.ok(fake.isClosed());
  fake.push(fact(11, 'ticket:issued', { ticket: ticket() }));
  assert.is(link.sync.state.get()?.seq, 10);
});

test.run();

const badge = suite('badgeFor');
badge('every state', () => {
  assert.is(badgeFor('connecting', false, 'idle', true), 'connecting');
  assert.is(badgeFor('connecting', true, 'live', true), 'reconnecting');
  assert.is(badgeFor('online', true, 'loading', true), 'syncing');
  assert.is(badgeFor('online', true, 'live', true), 'online');
  assert.is(badgeFor('offline', true, 'live', true), 'reconnecting');
  assert.is(badgeFor('offline', true, 'live', false), 'offline');
  assert.is(badgeFor('unauthorised', true, 'live', true), 'offline');
});
badge.run();
