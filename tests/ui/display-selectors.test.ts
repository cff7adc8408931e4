/** What the wall display shows, from the public snapshot: latest call, per-zone counts, counters, the counter screen. */
import type { PublicHallFact } from '../../server/protocol/events';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyPublicFact } from '../../ui-shared/src/apply-fact';
import {
  callsInScope,
  counterScreenState,
  findZone,
  latestCall,
  previousCalls,
  shownCall,
  totalWaiting,
  visibleCounters,
  waitingCounts,
  WHOLE_HALL,
} from '../../display-ui/src/stores/selectors';
import { counterGrid } from '../../display-ui/src/styles/counter-grid';
import { call, counter, demoSnapshot, FR, ticket, ZR } from './display-fixture';

const latest = suite('latest and recent calls');

latest('the whole hall: the newest call is the big one', () => {
  const c = latestCall(demoSnapshot(), WHOLE_HALL);
  assert.is(c?.number, 'C002');
  assert.is(c?.counterNumber, 5);
});

latest('a zone screen shows only calls to its counters', () => {
  const snap = demoSnapshot();
  assert.is(latestCall(snap, { zoneId: FR })?.number, 'A001');
  assert.equal(callsInScope(snap, { zoneId: ZR }).map((c) => c.seq), [19, 12, 11]);
});

latest('recent calls leave out the latest and show each ticket once', () => {
  const snap = demoSnapshot();
  assert.equal(previousCalls(snap, WHOLE_HALL, 5).map((c) => c.number), ['A001', 'C001']);
  assert.equal(previousCalls(snap, WHOLE_HALL, 1).map((c) => c.number), ['A001']);
});

latest('a recall of the latest ticket stays the big one, not a duplicate below it', () => {
  const snap = demoSnapshot();
  const next = applyPublicFact(snap, { seq: 21, hallId: 'hall-1', type: 'ticket:recalled', at: 'x', call: call(21, 't-c2', 'C002', 5, undefined, true) } as PublicHallFact)!;
  assert.is(latestCall(next, WHOLE_HALL)?.recall, true);
  assert.equal(previousCalls(next, WHOLE_HALL, 5).map((c) => c.number), ['A001', 'C001']);
});

latest('the big panel shows the call being announced, the newer ones wait in the list; idle: the newest', () => {
  const snap = demoSnapshot();
  const older = callsInScope(snap, WHOLE_HALL)[1]!;
  assert.is(shownCall(snap, WHOLE_HALL, older)?.seq, older.seq);
  const below = previousCalls(snap, WHOLE_HALL, 5, older).map((c) => c.number);
  assert.ok(below.includes('C002'), 'the newest call, not yet read out, is listed below');
  assert.not.ok(below.includes(older.number), 'the announced one is not listed twice');
  assert.is(shownCall(snap, WHOLE_HALL, null)?.number, 'C002');
  // A zone screen ignores an announcement from another zone.
  const zr = callsInScope(snap, { zoneId: ZR })[0]!;
  assert.is(shownCall(snap, { zoneId: FR }, zr)?.number, 'A001');
});

latest('no calls yet', () => {
  const snap = { ...demoSnapshot(), recentCalls: [] };
  assert.is(latestCall(snap, WHOLE_HALL), null);
  assert.equal(previousCalls(snap, WHOLE_HALL, 5), []);
});

latest('a call fact makes the new call the latest and updates its counter tile', () => {
  const snap = demoSnapshot();
  const t = ticket('t-c3', 'C003', ZR, 'called', { id: 'c6', number: 6 });
  const next = applyPublicFact(snap, {
    seq: 21,
    hallId: 'hall-1',
    type: 'ticket:called',
    at: '2026-03-05T02:01:00.000Z',
    ticket: t,
    counter: counter(6, ZR, 'open', 'C003'),
    call: call(21, 't-c3', 'C003', 6),
  })!;
  assert.is(latestCall(next, WHOLE_HALL)?.number, 'C003');
  assert.is(visibleCounters(next, WHOLE_HALL).find((c) => c.number === 6)?.currentTicketNumber, 'C003');
  assert.equal(waitingCounts(next, { zoneId: ZR }).map((z) => z.count), [1]);
});

latest.run();

const zones = suite('waiting counts and counters');

zones('waiting per zone in zone order, and the total', () => {
  const counts = waitingCounts(demoSnapshot(), WHOLE_HALL);
  assert.equal(counts.map((z) => [z.name, z.count]), [
    ['法人服务区', 1],
    ['自然人服务区', 2],
  ]);
  assert.is(totalWaiting(counts), 3);
});

zones('a zone filter counts only that zone', () => {
  assert.equal(waitingCounts(demoSnapshot(), { zoneId: FR }).map((z) => z.count), [1]);
});

zones('zones by code (any case) or id; unknown → null', () => {
  const snap = demoSnapshot();
  assert.is(findZone(snap, 'fr')?.id, FR);
  assert.is(findZone(snap, ZR)?.code, 'ZR');
  assert.is(findZone(snap, 'BDC'), null);
});

zones('counters: open and paused by number, closed hidden, filtered by zone', () => {
  const snap = demoSnapshot();
  assert.equal(visibleCounters(snap, WHOLE_HALL).map((c) => c.number), [1, 2, 5, 6]);
  assert.equal(visibleCounters(snap, { zoneId: ZR }).map((c) => c.number), [5, 6]);
});

zones('the counter grid fits any number of counters: every counter has a cell, rows grow with the hall', () => {
  assert.equal(counterGrid(3), { cols: 4, rows: 1, bandHeight: 200 });
  assert.equal(counterGrid(14), { cols: 7, rows: 2, bandHeight: 310 });
  assert.is(counterGrid(20).rows, 3);
  let rows = 0;
  for (let n = 1; n <= 60; n++) {
    const g = counterGrid(n);
    assert.ok(g.cols * g.rows >= n, `${n} counters fit`);
    assert.ok(g.cols * (g.rows - 1) < n || g.rows === 1, `${n}: no empty row`);
    assert.ok(g.rows >= rows, 'rows never shrink as the hall grows');
    assert.ok(g.cols <= 12, `${n}: at most 12 columns`);
    rows = g.rows;
  }
  assert.equal(counterGrid(40), { cols: 10, rows: 4, bandHeight: 450 });
});

zones.run();

const screen = suite('counter screen (窗口屏)');

screen('called: its ticket and matter', () => {
  const s = counterScreenState(demoSnapshot(), 5);
  assert.is(s.kind, 'called');
  if (s.kind === 'called') {
    assert.is(s.ticketNumber, 'C002');
    assert.is(s.matterName, '社保登记');
    assert.is(s.counter.name, '自然人综合受理窗口');
  }
});

screen('serving', () => {
  const s = counterScreenState(demoSnapshot(), 1);
  assert.is(s.kind, 'serving');
});

screen('paused and closed show 暂停服务 (paused / closed), idle shows the welcome', () => {
  const snap = demoSnapshot();
  assert.is(counterScreenState(snap, 2).kind, 'paused');
  assert.equal(counterScreenState(snap, 2), { kind: 'paused', counter: snap.counters.find((c) => c.number === 2)!, reason: '休息' });
  assert.is(counterScreenState(snap, 4).kind, 'closed');
  assert.is(counterScreenState(snap, 6).kind, 'idle');
  assert.equal(counterScreenState(snap, 99), { kind: 'missing', number: 99 });
});

screen('after the ticket is finished the counter goes back to idle', () => {
  const snap = demoSnapshot();
  const next = applyPublicFact(snap, {
    seq: 21,
    hallId: 'hall-1',
    type: 'ticket:finished',
    at: 'x',
    ticket: { ...ticket('t-a1', 'A001', FR, 'done', { id: 'c1', number: 1 }) },
    counter: counter(1, FR, 'open', null),
  })!;
  assert.is(counterScreenState(next, 1).kind, 'idle');
});

screen('a counter paused by a fact switches to 暂停服务', () => {
  const snap = demoSnapshot();
  const next = applyPublicFact(snap, { seq: 21, hallId: 'hall-1', type: 'counter:paused', at: 'x', counter: counter(6, ZR, 'paused', null, '会议') })!;
  const s = counterScreenState(next, 6);
  assert.is(s.kind, 'paused');
  assert.is(s.kind === 'paused' && s.reason, '会议', 'the pause reason is shown');
});

screen('a paused counter without a reason (or a blank one) shows no reason line', () => {
  const snap = demoSnapshot();
  for (const reason of [null, '  ']) {
    const next = applyPublicFact(snap, { seq: 21, hallId: 'hall-1', type: 'counter:paused', at: 'x', counter: counter(6, ZR, 'paused', null, reason) })!;
    const s = counterScreenState(next, 6);
    assert.is(s.kind === 'paused' && s.reason, null);
  }
});

screen.run();
