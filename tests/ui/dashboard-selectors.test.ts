/** Live dashboard selectors: risk at 80 % / 100 % of target, zones, matters, counters, roll-up. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { counterRows, countersForMatter, hallSummary, hourSeries, matterRows, riskRows, rollUp, waitRatio, zoneRows, type Risk } from '../../dashboard-ui/src/stores/live-selectors';
import { FR, NOW, ZR, snapshot, ticket } from './dashboard-fixture';

const s = suite('dashboard live selectors');

s('a waiting ticket is at risk from 80 % of its target and in breach from 100 %; other statuses never', () => {
  assert.is(waitRatio(ticket('a', 'A1', { waitedMin: 8 }), NOW), 0.8);
  const rows = riskRows(snapshot(), NOW);
  assert.equal(rows.map((r) => [r.ticket.number, r.risk]), [['A003', 'breached'], ['B002', 'at_risk'], ['A002', 'at_risk']]);
  assert.is(rows[0]!.waitedMinutes, 12);
  assert.ok(!rows.some((r) => r.ticket.number === 'A090' || r.ticket.number === 'A092')); // serving / parked
});

s("the server's alert shows as a flag and can raise a ticket the client still sees as fine", () => {
  const alerts = new Map<string, Risk>([['t-w1', 'at_risk'], ['t-w3', 'breached']]);
  const rows = riskRows(snapshot(), NOW, alerts);
  assert.equal(rows.map((r) => [r.ticket.number, r.risk, r.flagged]), [
    ['A003', 'breached', 'breached'],
    ['B002', 'at_risk', 'ok'],
    ['A002', 'at_risk', 'ok'],
    ['A001', 'at_risk', 'at_risk'],
  ]);
  const snap = snapshot();
  snap.tickets[0] = { ...snap.tickets[0]!, alertLevel: 'breached' };
  assert.is(riskRows(snap, NOW).find((r) => r.ticket.number === 'A001')?.risk, 'breached');
});

s('zones: waiting count, longest wait with its target, at risk and in breach', () => {
  const [fr, zr] = zoneRows(snapshot(), NOW);
  assert.equal([fr!.id, fr!.waiting, fr!.longestMinutes, fr!.longestTargetMinutes, fr!.atRisk, fr!.breached], [FR, 5, 25, 30, 2, 1]);
  assert.equal([zr!.id, zr!.waiting, zr!.longestMinutes, zr!.atRisk, zr!.breached], [ZR, 1, 2, 0, 0]);
  assert.is(fr!.worstRatio, 1.2);
});

s('matters: only those with someone waiting, the most urgent first', () => {
  assert.equal(matterRows(snapshot(), NOW).map((r) => [r.name, r.waiting]), [['企业设立登记', 3], ['企业注销登记', 2], ['社会保障卡补换', 1]]);
});

s('counters: serving whom for how long against the handling target, called, paused with reason, idle, closed', () => {
  const rows = counterRows(snapshot(), NOW);
  assert.equal(rows.map((r) => [r.counter.number, r.state, r.ticketNumber, r.minutes, r.overTarget]), [
    [1, 'serving', 'A090', 25, true],
    [2, 'called', 'A091', 2, false],
    [3, 'paused', null, null, false],
    [4, 'closed', null, null, false],
    [5, 'idle', null, null, false],
  ]);
  assert.is(rows[2]!.counter.pauseReason, '会议');
});

s('counters: a taken counter whose workstation is not connected shows offline, keeping its ticket', () => {
  const snap = snapshot();
  const byNumber = (n: number) => snap.counters.find((c) => c.number === n)!.id;
  const online = new Set([byNumber(2), byNumber(3)]);
  const rows = counterRows(snap, NOW, online);
  assert.equal(rows.map((r) => [r.counter.number, r.state, r.ticketNumber]), [
    [1, 'offline', 'A090'],
    [2, 'called', 'A091'],
    [3, 'paused', null],
    [4, 'closed', null],
    [5, 'offline', null],
  ]);
  assert.equal(hallSummary(snap, NOW, new Map(), online).counters, { serving: 0, called: 1, paused: 1, idle: 0, closed: 1, offline: 2 });
});

s('hall summary and a roll-up over several halls', () => {
  const a = hallSummary(snapshot(), NOW);
  assert.equal([a.waiting, a.longestMinutes, a.atRisk, a.breached, a.overTarget], [6, 25, 2, 1, 1]);
  assert.equal(a.counters, { serving: 1, called: 1, paused: 1, idle: 1, closed: 1, offline: 0 });
  const quiet = snapshot();
  quiet.tickets = [];
  const b = hallSummary(quiet, NOW);
  assert.is(b.longestMinutes, null);
  const total = rollUp([a, b]);
  assert.equal([total.waiting, total.longestMinutes, total.atRisk, total.breached, total.counters.serving, total.counters.idle], [6, 25, 2, 1, 1, 4]);
});

s('moving a ticket: counters authorised for the matter, open ones first', () => {
  assert.equal(countersForMatter(snapshot(), 'm-zr').map((c) => c.number), [5, 4]);
  assert.equal(countersForMatter(snapshot(), 'm-general').map((c) => c.number), [1, 2, 3]);
});

s('throughput per hour: from the first session to now, missing hours as zeros', () => {
  const series = hourSeries([{ hour: 10, issued: 4, served: 2 }], [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }], '12');
  assert.equal(series.map((h) => [h.hour, h.issued]), [[9, 0], [10, 4], [11, 0], [12, 0]]);
});

s.run();
