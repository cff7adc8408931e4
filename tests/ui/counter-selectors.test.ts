/** The counter's view of the hall: which tickets it may serve, wait colours, current and held tickets. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  breakReminder,
  counterChoices,
  currentTicket,
  currentTicketClock,
  formatClockTime,
  formatDuration,
  heldBy,
  isForCounter,
  missedTickets,
  parkedTickets,
  timeLevel,
  transferCounters,
  waitingForCounter,
  waitingRows,
} from '../../counter-ui/src/stores/counter-selectors';
import { C1, C2, C4, M_FOOD, M_SETUP, M_SOCIAL, NOW, ago, counter, min, snapshot, ticket } from './counter-fixture';

const level = suite('timeLevel: green below 80 %, amber 80–100 %, red past the target');
level('boundaries of a 10-minute target', () => {
  assert.is(timeLevel(0, 10), 'ok');
  assert.is(timeLevel(min(8) - 1, 10), 'ok');
  assert.is(timeLevel(min(8), 10), 'warn');
  assert.is(timeLevel(min(10), 10), 'warn', 'exactly on target is still amber');
  assert.is(timeLevel(min(10) + 1, 10), 'over');
});
level('a 30-minute complex target and the 20-minute counter target', () => {
  assert.is(timeLevel(min(23), 30), 'ok');
  assert.is(timeLevel(min(24), 30), 'warn');
  assert.is(timeLevel(min(31), 30), 'over');
  assert.is(timeLevel(min(16), 20), 'warn');
});
level('a non-positive target is always past', () => {
  assert.is(timeLevel(0, 0), 'over');
});
level.run();

const waiting = suite('waitingForCounter');
waiting('only waiting tickets of the counter’s matters, not transferred elsewhere', () => {
  const mine = ticket({ number: 'A001' });
  const food = ticket({ number: 'B001', matterId: M_FOOD });
  const otherZone = ticket({ number: 'C001', matterId: M_SOCIAL });
  const toMe = ticket({ number: 'A002', targetCounterId: C1 });
  const toOther = ticket({ number: 'A003', targetCounterId: C2 });
  const called = ticket({ number: 'A004', status: 'called', counterId: C2 });
  const snap = snapshot({ tickets: [mine, food, otherZone, toMe, toOther, called] });
  const c = snap.counters[0]!;
  assert.equal(
    waitingForCounter(snap, c).map((t) => t.number).sort(),
    ['A001', 'A002', 'B001'],
  );
  assert.ok(isForCounter(toMe, c));
  assert.not.ok(isForCounter(toOther, c));
  assert.not.ok(isForCounter(otherZone, c));
});
waiting('priority first, then the longest wait, then the number', () => {
  const a = ticket({ number: 'A001', waitStartAt: ago(min(9)) });
  const b = ticket({ number: 'A002', waitStartAt: ago(min(3)) });
  const p = ticket({ number: 'A003', waitStartAt: ago(min(1)), priority: 1, priorityReason: 'elderly' });
  const tie1 = ticket({ number: 'A005', waitStartAt: ago(min(2)) });
  const tie2 = ticket({ number: 'A004', waitStartAt: ago(min(2)) });
  const snap = snapshot({ tickets: [b, tie1, a, tie2, p] });
  assert.equal(waitingForCounter(snap, snap.counters[0]!).map((t) => t.number), ['A003', 'A001', 'A002', 'A004', 'A005']);
});
waiting('nothing without a snapshot or counter', () => {
  assert.equal(waitingForCounter(null, counter()), []);
  assert.equal(waitingForCounter(snapshot(), null), []);
});
waiting('each row carries its live wait and colour', () => {
  const rows = waitingRows([ticket({ waitStartAt: ago(min(12)) }), ticket({ waitStartAt: ago(min(9)) }), ticket({ matterId: M_FOOD, waitStartAt: ago(min(12)), waitTargetMinutes: 30 })], NOW);
  assert.equal(rows.map((r) => r.level), ['over', 'warn', 'ok']);
  assert.is(rows[0]!.waitMs, min(12));
  assert.is(waitingRows([ticket({ waitStartAt: ago(-5000) })], NOW)[0]!.waitMs, 0, 'a slot start in the future waits 0');
});
waiting.run();

const held = suite('current, parked and missed tickets');
held('the current ticket is the one called or serving at this counter', () => {
  const cur = ticket({ number: 'A001', status: 'serving', counterId: C1 });
  const elsewhere = ticket({ number: 'A002', status: 'called', counterId: C2 });
  const parked = ticket({ number: 'A003', status: 'parked', counterId: C1, calledAt: ago(min(5)) });
  const parked2 = ticket({ number: 'A006', status: 'parked', counterId: C1, calledAt: ago(min(8)) });
  const missed = ticket({ number: 'A004', status: 'no_show', counterId: C1, calledAt: ago(min(7)) });
  const missedOther = ticket({ number: 'A005', status: 'no_show', counterId: C2 });
  const snap = snapshot({ tickets: [cur, elsewhere, parked, parked2, missed, missedOther] });
  assert.is(currentTicket(snap, C1)?.number, 'A001');
  assert.is(currentTicket(snap, C2)?.number, 'A002');
  assert.is(currentTicket(snap, C4), null);
  assert.equal(parkedTickets(snap, C1).map((t) => t.number), ['A006', 'A003'], 'oldest call first');
  assert.equal(missedTickets(snap, C1).map((t) => t.number), ['A004']);
  assert.equal(parkedTickets(null, C1), []);
});
held('a called ticket shows the time since the call, without a level', () => {
  const c = currentTicketClock(ticket({ status: 'called', calledAt: ago(45_000) }), NOW, 20);
  assert.equal(c, { phase: 'called', elapsedMs: 45_000, level: null, targetMinutes: 20 });
});
held('a serving ticket’s handling time is measured against the counter target', () => {
  const at = (m: number) => currentTicketClock(ticket({ status: 'serving', calledAt: ago(min(m + 2)), startedAt: ago(min(m)) }), NOW, 20);
  assert.is(at(5).level, 'ok');
  assert.is(at(5).elapsedMs, min(5));
  assert.is(at(16).level, 'warn');
  assert.is(at(21).level, 'over');
});
held.run();

const choices = suite('counterChoices and transferCounters');
choices('counters in number order, mine and others’ marked', () => {
  const snap = snapshot();
  const list = counterChoices(snap, 's1');
  assert.equal(list.map((c) => [c.counter.number, c.mine, c.takenByOther]), [
    [1, true, false],
    [2, false, false],
    [4, false, true],
  ]);
  assert.equal(counterChoices(null, 's1'), []);
});
choices('held by me is decided by staff id, not by display name', () => {
  // Two staff members named 李娜: the other one's counter is not mine.
  const snap = snapshot({ counters: [counter({ staffId: 's9', staffName: '李娜' }), counter({ id: C2, number: 2, staffId: 's1', staffName: '李娜（二）' })] });
  assert.equal(counterChoices(snap, 's1').map((c) => [c.counter.number, c.mine, c.takenByOther]), [
    [1, false, true],
    [2, true, false],
  ]);
  assert.not.ok(heldBy(counter({ staffId: 's9', staffName: '李娜' }), 's1'));
  assert.ok(heldBy(counter({ staffId: 's1', staffName: '改名后' }), 's1'), 'a renamed staff member still holds the counter');
  assert.not.ok(heldBy(counter({ status: 'closed', staffId: 's1' }), 's1'), 'a closed counter is nobody’s');
});
choices('a paused counter of mine is still mine', () => {
  const snap = snapshot({ counters: [counter({ status: 'paused' })] });
  assert.ok(counterChoices(snap, 's1')[0]!.mine);
});
choices('transfer targets: other counters authorised for the matter', () => {
  const snap = snapshot();
  assert.equal(transferCounters(snap, C1, M_SETUP).map((c) => c.number), [2]);
  assert.equal(transferCounters(snap, C1, M_SOCIAL).map((c) => c.number), [4]);
  assert.equal(transferCounters(null, C1, M_SETUP), []);
});
choices.run();

const format = suite('formatting');
format('durations as mm:ss, hours when needed', () => {
  assert.is(formatDuration(0), '00:00');
  assert.is(formatDuration(59_999), '00:59');
  assert.is(formatDuration(min(9) + 5000), '09:05');
  assert.is(formatDuration(min(75)), '1:15:00');
  assert.is(formatDuration(-5), '00:00');
});
format('clock times in the hall’s time zone', () => {
  assert.is(formatClockTime('2026-03-10T02:05:00Z', 'Asia/Shanghai'), '10:05');
  assert.is(formatClockTime(null, 'Asia/Shanghai'), '');
});
format('the break reminder: this counter’s scheduled times still ahead today, the one under way marked', () => {
  const snap = snapshot({ scheduledBreaks: [{ counterId: C1, times: [{ from: '09:15', to: '09:30' }, { from: '16:30', to: '17:00' }] }, { counterId: C2, times: [{ from: '10:00', to: '10:15' }] }] });
  assert.equal(breakReminder(snap, C1, '09:00'), [{ from: '09:15', to: '09:30', now: false }, { from: '16:30', to: '17:00', now: false }]);
  assert.equal(breakReminder(snap, C1, '09:20'), [{ from: '09:15', to: '09:30', now: true }, { from: '16:30', to: '17:00', now: false }]);
  assert.equal(breakReminder(snap, C1, '09:30'), [{ from: '16:30', to: '17:00', now: false }], 'over at its end');
  assert.equal(breakReminder(snap, C4, '09:00'), []);
  assert.equal(breakReminder(snapshot(), C1, '09:00'), [], 'an older server without the field');
});
format.run();
