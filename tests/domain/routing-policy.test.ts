/** The calling rule, case by case (docs/routing.md). Pure: no database. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyTicketAction, type TicketState } from '../../server/domain/ticket-machine';
import {
  callBeforeBreak,
  deadlineOf,
  inAppointmentWindow,
  PREFERRED_BONUS,
  rankCandidates,
  urgencyOf,
  type QueueCandidate,
  type RoutingContext,
} from '../../server/domain/routing-policy';

const NOW = new Date('2026-11-23T02:00:00Z'); // 10:00 Shanghai
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000);
let n = 0;

function ticket(p: Partial<QueueCandidate> & { waited?: number } = {}): QueueCandidate {
  const start = p.waitStartAt ?? ago(p.waited ?? 0);
  n++;
  return {
    id: p.id ?? `t${String(n).padStart(3, '0')}`,
    matterId: p.matterId ?? 'general',
    priority: p.priority ?? 0,
    appointmentSlot: p.appointmentSlot ?? null,
    issuedAt: p.issuedAt ?? start,
    waitStartAt: start,
    waitTargetMinutes: p.waitTargetMinutes ?? 10,
    number: p.number ?? `A${String(n).padStart(3, '0')}`,
  };
}

function ctx(p: Partial<RoutingContext> = {}): RoutingContext {
  return { now: NOW, consecutivePriorityCalls: 0, starvationGuard: 3, appointmentGraceMinutes: 15, waitCapMinutes: 60, preferredMatterIds: new Set(), ...p };
}

const ids = (list: QueueCandidate[]) => list.map((c) => c.id);

const basics = suite('routing: deadlines, not age');

basics('an empty queue ranks to nothing', () => {
  assert.equal(rankCandidates([], ctx()), []);
});

basics('urgency is the share of the target already waited; the deadline is start + target', () => {
  const t = ticket({ waited: 8, waitTargetMinutes: 10 });
  assert.ok(Math.abs(urgencyOf(t, NOW) - 0.8) < 1e-9);
  assert.is(deadlineOf(t).getTime(), NOW.getTime() + 2 * 60_000);
});

basics('a general ticket at 8/10 min goes before a complex one at 15/30 min, though it is younger', () => {
  const complex = ticket({ id: 'complex', waited: 15, waitTargetMinutes: 30 });
  const general = ticket({ id: 'general', waited: 8, waitTargetMinutes: 10 });
  assert.equal(ids(rankCandidates([complex, general], ctx())), ['general', 'complex']);
});

basics('with equal targets the order is first come, first served', () => {
  const a = ticket({ id: 'a', waited: 3 });
  const b = ticket({ id: 'b', waited: 7 });
  const c = ticket({ id: 'c', waited: 5 });
  assert.equal(ids(rankCandidates([a, b, c], ctx())), ['b', 'c', 'a']);
});

basics('among breached tickets the earliest deadline goes first (furthest past, in minutes)', () => {
  const x = ticket({ id: 'x', waited: 40, waitTargetMinutes: 30 }); // 10 min past
  const y = ticket({ id: 'y', waited: 15, waitTargetMinutes: 10 }); // 5 min past
  assert.equal(ids(rankCandidates([x, y], ctx())), ['x', 'y']);
});

basics('a still-makeable ticket goes before a breached one: lateness does not cascade', () => {
  const late = ticket({ id: 'late', waited: 14 }); // 4 min past its 10-minute target
  const close = ticket({ id: 'close', waited: 9 }); // 1 min left
  const fresh = ticket({ id: 'fresh', waited: 1, waitTargetMinutes: 30 });
  assert.equal(ids(rankCandidates([late, close, fresh], ctx())), ['close', 'fresh', 'late']);
});

basics('exactly at the deadline a ticket is still makeable (waiting ≤ target counts as within)', () => {
  const due = ticket({ id: 'due', waited: 10 });
  const other = ticket({ id: 'other', waited: 2 });
  const late = ticket({ id: 'late', waited: 10.5 });
  assert.equal(ids(rankCandidates([late, other, due], ctx())), ['due', 'other', 'late']);
});

const cap = suite('routing: the hall cap bounds the tail');

cap('a ticket past the hall cap goes before every other walk-in, the longest wait first — after the green channel and appointments in their window', () => {
  const capped = ticket({ id: 'capped', waited: 61, waitTargetMinutes: 30 });
  const longer = ticket({ id: 'longer', waited: 75, waitTargetMinutes: 30 });
  const elderly = ticket({ id: 'elderly', priority: 1, waited: 5 });
  const appt = ticket({ id: 'appt', appointmentSlot: { start: ago(5), end: new Date(NOW.getTime() + 25 * 60_000) }, waited: 5 });
  const close = ticket({ id: 'close', waited: 9 });
  assert.equal(ids(rankCandidates([close, appt, elderly, capped, longer], ctx())), ['elderly', 'appt', 'longer', 'capped', 'close']);
});

cap('the cap is the hall setting; 0 turns it off (breached tickets then wait for the makeable ones)', () => {
  const old = ticket({ id: 'old', waited: 50, waitTargetMinutes: 30 });
  const close = ticket({ id: 'close', waited: 9 });
  assert.equal(ids(rankCandidates([close, old], ctx({ waitCapMinutes: 45 }))), ['old', 'close']);
  assert.equal(ids(rankCandidates([close, old], ctx({ waitCapMinutes: 60 }))), ['close', 'old']);
  assert.equal(ids(rankCandidates([close, ticket({ id: 'older', waited: 300 })], ctx({ waitCapMinutes: 0 }))), ['close', 'older']);
});

cap('under a tripped starvation guard the normal tickets go oldest first, so one past the cap is the next call', () => {
  const capped = ticket({ id: 'capped', waited: 65, waitTargetMinutes: 30 });
  const normal = ticket({ id: 'normal', waited: 9 });
  const elderly = ticket({ id: 'elderly', priority: 1, waited: 2 });
  assert.equal(ids(rankCandidates([elderly, normal, capped], ctx({ consecutivePriorityCalls: 3 }))), ['capped', 'normal', 'elderly']);
  // Without the guard the green channel keeps its precedence over the capped ticket.
  assert.equal(ids(rankCandidates([elderly, normal, capped], ctx())), ['elderly', 'capped', 'normal']);
});

basics('exact ties fall back to wait start, issue time, number: the order is total and stable', () => {
  const a = ticket({ id: 'a', waitStartAt: ago(5), issuedAt: ago(6), number: 'A002' });
  const b = ticket({ id: 'b', waitStartAt: ago(5), issuedAt: ago(7), number: 'A003' });
  const c = ticket({ id: 'c', waitStartAt: ago(5), issuedAt: ago(7), number: 'A001' });
  assert.equal(ids(rankCandidates([a, b, c], ctx())), ['c', 'b', 'a']);
  assert.equal(ids(rankCandidates([c, a, b], ctx())), ['c', 'b', 'a']);
});

basics('the input is not mutated', () => {
  const list = [ticket({ id: 'a', waited: 1 }), ticket({ id: 'b', waited: 9 })];
  rankCandidates(list, ctx());
  assert.equal(ids(list), ['a', 'b']);
});

const green = suite('routing: green channel and the starvation guard');

green('green channel goes before any normal ticket, even a breached one', () => {
  const breached = ticket({ id: 'breached', waited: 25 });
  const elderly = ticket({ id: 'elderly', priority: 1, waited: 0 });
  assert.equal(ids(rankCandidates([breached, elderly], ctx())), ['elderly', 'breached']);
});

green('green channel goes before an appointment in its slot', () => {
  const appt = ticket({ id: 'appt', appointmentSlot: { start: ago(5), end: new Date(NOW.getTime() + 25 * 60_000) }, waited: 5 });
  const elderly = ticket({ id: 'elderly', priority: 1, waited: 1 });
  assert.equal(ids(rankCandidates([appt, elderly], ctx())), ['elderly', 'appt']);
});

green('among green-channel tickets, urgency decides', () => {
  const a = ticket({ id: 'a', priority: 1, waited: 5, waitTargetMinutes: 30 });
  const b = ticket({ id: 'b', priority: 1, waited: 4, waitTargetMinutes: 10 });
  assert.equal(ids(rankCandidates([a, b], ctx())), ['b', 'a']);
});

green('after N priority calls in a row the oldest normal ticket goes next', () => {
  const oldest = ticket({ id: 'oldest', waited: 20, waitTargetMinutes: 30 }); // 0.67
  const urgent = ticket({ id: 'urgent', waited: 9, waitTargetMinutes: 10 }); // 0.9
  const elderly = ticket({ id: 'elderly', priority: 1, waited: 2 });
  assert.equal(ids(rankCandidates([elderly, urgent, oldest], ctx({ consecutivePriorityCalls: 2 }))), ['elderly', 'urgent', 'oldest']);
  const tripped = rankCandidates([elderly, urgent, oldest], ctx({ consecutivePriorityCalls: 3 }));
  assert.equal(ids(tripped), ['oldest', 'urgent', 'elderly'], 'normal tickets first, oldest first; green channel after them');
});

green('the guard does not hold back green channel when no normal ticket waits', () => {
  const a = ticket({ id: 'a', priority: 1, waited: 2 });
  const b = ticket({ id: 'b', priority: 1, waited: 3 });
  assert.equal(ids(rankCandidates([a, b], ctx({ consecutivePriorityCalls: 10 }))), ['b', 'a']);
});

green('the guard picks the oldest normal ticket even over an appointment in its slot', () => {
  const appt = ticket({ id: 'appt', appointmentSlot: { start: ago(5), end: new Date(NOW.getTime() + 25 * 60_000) }, waited: 5 });
  const old = ticket({ id: 'old', waited: 12 });
  const elderly = ticket({ id: 'elderly', priority: 1 });
  assert.equal(ids(rankCandidates([appt, elderly, old], ctx({ consecutivePriorityCalls: 3 }))), ['old', 'appt', 'elderly']);
});

const appts = suite('routing: appointments');
const slot = (startMinAgo: number, length = 30) => ({ start: ago(startMinAgo), end: ago(startMinAgo - length) });

appts('an appointment in its slot goes before walk-ins, even breached ones', () => {
  const walkIn = ticket({ id: 'walk-in', waited: 14 });
  const appt = ticket({ id: 'appt', appointmentSlot: slot(2), waitStartAt: ago(2) });
  assert.equal(ids(rankCandidates([walkIn, appt], ctx())), ['appt', 'walk-in']);
});

appts('precedence lasts until slot end + grace, then the appointment competes on urgency', () => {
  // slot 09:10–09:40, grace 15 → window closes 09:55; NOW is 10:00.
  const appt = ticket({ id: 'appt', appointmentSlot: slot(50), waitStartAt: ago(50), waitTargetMinutes: 10 });
  const walkIn = ticket({ id: 'walk-in', waited: 55, waitTargetMinutes: 10 });
  assert.is(inAppointmentWindow(appt, NOW, 15), false);
  assert.is(inAppointmentWindow(appt, NOW, 25), true);
  assert.equal(ids(rankCandidates([appt, walkIn], ctx())), ['walk-in', 'appt'], 'outside the window: both breached, the earlier deadline first');
  assert.equal(ids(rankCandidates([appt, walkIn], ctx({ appointmentGraceMinutes: 25 }))), ['appt', 'walk-in'], 'a longer grace keeps precedence');
});

appts('an early arrival has no precedence before its slot and no urgency either', () => {
  const early = ticket({ id: 'early', appointmentSlot: { start: new Date(NOW.getTime() + 20 * 60_000), end: new Date(NOW.getTime() + 50 * 60_000) }, issuedAt: ago(5), waitStartAt: new Date(NOW.getTime() + 20 * 60_000) });
  const walkIn = ticket({ id: 'walk-in', waited: 1 });
  assert.ok(urgencyOf(early, NOW) < 0);
  assert.equal(ids(rankCandidates([early, walkIn], ctx())), ['walk-in', 'early']);
});

appts('a checked-in appointment has precedence earlyAppointmentMinutes before its slot, not earlier', () => {
  const inMin = (m: number) => new Date(NOW.getTime() + m * 60_000);
  const soon = ticket({ id: 'soon', appointmentSlot: { start: inMin(4), end: inMin(34) }, issuedAt: ago(10), waitStartAt: inMin(4) });
  const later = ticket({ id: 'later', appointmentSlot: { start: inMin(6), end: inMin(36) }, issuedAt: ago(10), waitStartAt: inMin(6) });
  const walkIn = ticket({ id: 'walk-in', waited: 9 });
  assert.is(inAppointmentWindow(soon, NOW, 15, 5), true);
  assert.is(inAppointmentWindow(later, NOW, 15, 5), false);
  assert.is(inAppointmentWindow(soon, NOW, 15), false, 'unset: from the slot start');
  assert.equal(ids(rankCandidates([walkIn, later, soon], ctx({ earlyAppointmentMinutes: 5 }))), ['soon', 'walk-in', 'later']);
  assert.equal(ids(rankCandidates([walkIn, later, soon], ctx({ earlyAppointmentMinutes: 0 }))), ['walk-in', 'soon', 'later']);
  // Called early, the wait is 0 (it starts at the slot start): within target by construction.
  assert.ok(urgencyOf(soon, NOW) < 0);
});

appts('before a due break: one more green-channel or in-window appointment visitor who can still make it', () => {
  const walkIn = ticket({ id: 'walk-in', waited: 9 });
  const appt = ticket({ id: 'appt', appointmentSlot: slot(3), waitStartAt: ago(3) });
  const green = ticket({ id: 'green', priority: 1, waited: 2 });
  assert.is(callBeforeBreak([walkIn, appt], ctx())?.id, 'appt');
  assert.is(callBeforeBreak([walkIn, appt, green], ctx())?.id, 'green');
  assert.is(callBeforeBreak([walkIn], ctx()), undefined, 'a walk-in waits for the break to end');
  const lateAppt = ticket({ id: 'late-appt', appointmentSlot: slot(12), waitStartAt: ago(12) });
  assert.is(callBeforeBreak([lateAppt, walkIn], ctx()), undefined, 'already past the target: calling now cannot bring it back');
  const capped = ticket({ id: 'capped', waited: 61 });
  assert.is(callBeforeBreak([capped, appt], ctx()), undefined, 'not over the head of a walk-in past the hall cap');
  assert.is(callBeforeBreak([walkIn, green], ctx({ consecutivePriorityCalls: 3 })), undefined, 'the starvation guard holds: its pick is the walk-in');
});

appts('two appointments in their window: the earlier slot first', () => {
  const later = ticket({ id: 'later', appointmentSlot: slot(5), waitStartAt: ago(5) });
  const earlier = ticket({ id: 'earlier', appointmentSlot: slot(25), waitStartAt: ago(25), waitTargetMinutes: 30 });
  assert.equal(ids(rankCandidates([later, earlier], ctx())), ['earlier', 'later']);
});

appts('among appointments in their window, a still-makeable one goes before one already past its target, whatever the slots', () => {
  const late = ticket({ id: 'late', appointmentSlot: slot(12), waitStartAt: ago(12) }); // 10-minute target passed
  const onTime = ticket({ id: 'on-time', appointmentSlot: slot(3), waitStartAt: ago(3) });
  assert.equal(ids(rankCandidates([late, onTime], ctx())), ['on-time', 'late']);
  const walkIn = ticket({ id: 'walk-in', waited: 9 });
  assert.equal(ids(rankCandidates([walkIn, late, onTime], ctx())), ['on-time', 'late', 'walk-in'], 'both keep their precedence over walk-ins');
});

const pref = suite('routing: preferred matters (bounded bonus)');
const prefers = (m: string) => ctx({ preferredMatterIds: new Set([m]) });

pref(`a preferred matter wins a near-tie (its deadline brought forward by ${PREFERRED_BONUS} of its target)`, () => {
  const other = ticket({ id: 'other', matterId: 'm1', waited: 5 }); // deadline in 5
  const mine = ticket({ id: 'mine', matterId: 'food', waited: 4 }); // in 6 − 2.5
  assert.equal(ids(rankCandidates([other, mine], ctx())), ['other', 'mine']);
  assert.equal(ids(rankCandidates([other, mine], prefers('food'))), ['mine', 'other']);
});

pref('the bonus is bounded: a clearly more urgent ticket still goes first', () => {
  const other = ticket({ id: 'other', matterId: 'm1', waited: 8 }); // deadline in 2
  const mine = ticket({ id: 'mine', matterId: 'food', waited: 3 }); // in 7 − 2.5
  assert.equal(ids(rankCandidates([other, mine], prefers('food'))), ['other', 'mine']);
});

pref('the bonus never lifts a breached ticket above a still-makeable one', () => {
  const makeable = ticket({ id: 'makeable', matterId: 'm1', waited: 1 }); // 9 min left
  const mine = ticket({ id: 'mine', matterId: 'food', waited: 10.5 }); // breached, bonus or not
  assert.equal(ids(rankCandidates([mine, makeable], prefers('food'))), ['makeable', 'mine']);
});

pref('the bonus size is configurable, and 0 turns it off', () => {
  const other = ticket({ id: 'other', matterId: 'm1', waited: 5 });
  const mine = ticket({ id: 'mine', matterId: 'food', waited: 4 });
  assert.equal(ids(rankCandidates([other, mine], { ...prefers('food'), preferredBonus: 0 })), ['other', 'mine']);
});

const transfer = suite('routing: transfers keep the original clock');

transfer('a ticket transferred to another matter is not sent to the back of that matter’s line', () => {
  // Visitor A took a ticket for matter X 8 minutes ago, was served briefly, then transferred to Y.
  const state: TicketState = {
    status: 'serving', matterId: 'X', zoneId: 'z', counterId: 'c1', targetCounterId: null, recallCount: 0, transferCount: 0,
    lastTransferReason: null, firstCalledAt: ago(4), calledAt: ago(4), startedAt: ago(3), finishedAt: null,
  };
  const moved = applyTicketAction(state, { type: 'transfer', at: NOW, byCounterId: 'c1', toMatter: { id: 'Y', zoneId: 'z' }, toCounterId: null, reason: '材料需另一事项受理' });
  assert.ok(moved.ok);
  if (!moved.ok) return;
  assert.is(moved.value.status, 'waiting');
  assert.is(moved.value.matterId, 'Y');
  // The waiting clock (waitStartAt) is not part of the transition: the row keeps it.
  const transferred = ticket({ id: 'transferred', matterId: 'Y', waitStartAt: ago(8), issuedAt: ago(8) });
  const newer = [1, 3, 6, 7].map((w) => ticket({ id: `y-${w}`, matterId: 'Y', waited: w }));
  assert.is(ids(rankCandidates([...newer, transferred], ctx()))[0], 'transferred');
});

basics.run();
cap.run();
green.run();
appts.run();
pref.run();
transfer.run();
