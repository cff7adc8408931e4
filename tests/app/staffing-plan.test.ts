/** The managers' plan from history: same-weekday forecast (and its fallbacks), counters needed, tidal advice applied in one click. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { and, desc, eq } from 'drizzle-orm';
import { counters, halls, ticketEvents } from '../../db/schema';
import { assignCounterMatters } from '../../server/app/manager/set-counter-matters';
import { staffingPlan } from '../../server/app/manager/staffing-plan';
import { scheduleCounterBreaks } from '../../server/app/manager/set-counter-breaks';
import { AppError } from '../../server/app/app-error';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { cmd, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';
import { insertHistory } from '../_support/history';

let db: TestDb;
let hall: DemoHall;
const clock = manualClock('2026-11-24T00:30:00Z'); // Tuesday 08:30 in Shanghai
const deps = () => testDeps(db.db, clock);
const TUESDAY = '2026-11-24';
/** Done tickets of a matter in a local half hour, served in `service` minutes; every fourth by appointment. */
const history = async (date: string, hhmm: string, matterName: string, n: number, service: number) =>
  insertHistory(db.db, await hall.matter(matterName), date, hhmm, n, { serviceMinutes: service, bookedEvery: 4 });

const t = suite('staffing plan');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

t('no history: basis "none", nothing expected, nothing advised', async () => {
  const manager = await hall.staff('manager');
  const plan = await staffingPlan(deps(), manager, hall.hallId);
  assert.is(plan.date, TUESDAY);
  assert.is(plan.basis, 'none');
  assert.equal(plan.historyDays, []);
  assert.equal(plan.slots.slice(0, 3), ['09:00', '09:30', '10:00']);
  assert.ok(plan.zones.every((z) => z.arrivals.every((a) => a === 0) && z.needed.every((n) => n === 0)));
  assert.equal(plan.moves, []);
});

t('history on other weekdays only: the recent days are the fallback', async () => {
  await history('2026-11-23', '10:00', '社保登记', 4, 6); // a Monday
  const plan = await staffingPlan(deps(), await hall.staff('manager'), hall.hallId);
  assert.is(plan.basis, 'recent_days');
  assert.equal(plan.historyDays, ['2026-11-23']);
  const zr = plan.zones.find((z) => z.name === '自然人服务区')!;
  assert.is(zr.arrivals[plan.slots.indexOf('10:00')], 4);
});

t('a 不动产 morning peak on past Tuesdays: counters needed, and counter advice 09:30–11:00 → 不动产服务区, applied in one click', async () => {
  for (const date of ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']) {
    for (const hhmm of ['09:30', '10:00', '10:30']) await history(date, hhmm, '不动产抵押登记', 12, 10);
    await history(date, '14:00', '社保登记', 2, 6);
  }
  // Today: counters 4, 5 (自然人) and 7, 8 (不动产) are open.
  await db.db.update(counters).set({ status: 'open' }).where(eq(counters.hallId, hall.hallId));
  for (const n of [1, 2, 3, 6, 9, 10, 11, 12, 13, 14]) await db.db.update(counters).set({ status: 'closed' }).where(eq(counters.id, (await hall.counter(n)).id));
  const manager = await hall.staff('manager');
  const plan = await staffingPlan(deps(), manager, hall.hallId);
  assert.is(plan.basis, 'same_weekday');
  assert.equal(plan.historyDays, ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']);
  assert.is(plan.staffingBasis, 'open_now');
  const bdc = plan.zones.find((z) => z.name === '不动产服务区')!;
  const at = (hhmm: string) => plan.slots.indexOf(hhmm);
  assert.is(bdc.arrivals[at('10:00')], 12);
  assert.ok(bdc.needed[at('10:00')]! > bdc.staffed[at('10:00')]!, `needs ${bdc.needed[at('10:00')]} of ${bdc.staffed[at('10:00')]}`);
  assert.is(bdc.staffed[at('10:00')], 2);
  assert.is(bdc.matters.find((m) => m.name === '不动产抵押登记')!.arrivals[at('10:30')], 12);
  const move = plan.moves.find((m) => m.toZoneName === '不动产服务区');
  assert.ok(move, JSON.stringify(plan.moves));
  assert.ok([4, 5].includes(move!.counterNumber));
  assert.is(move!.from, '09:30');
  assert.ok(move!.to >= '11:00');
  assert.match(move!.text, new RegExp(`^09:30–${move!.to}: ${move!.counterNumber} 号窗口 → 不动产服务区$`));
  assert.is(move!.applied, false);
  // Breaks: each open counter one per session, the 不动产 pair (7, 8) out of its 09:30–11:00 peak and not both at once.
  assert.equal(plan.breaks.map((b) => b.counterNumber), [4, 5, 7, 8]);
  const pauses = (b: (typeof plan.breaks)[number]) => b.times.filter((t) => !b.backOffice.some((x) => x.from === t.from));
  for (const b of plan.breaks) assert.is(pauses(b).length, 2);
  const morning = plan.breaks.filter((b) => b.counterNumber >= 7).map((b) => pauses(b)[0]!);
  for (const t of morning) assert.ok(t.to <= '09:30' || t.from >= '11:00', JSON.stringify(t));
  assert.not.equal(morning[0]!.from, morning[1]!.from);
  // Peak half hours of 不动产 get fewer appointment seats than the default.
  assert.ok(plan.seats.some((s) => s.slot === '10:00' && s.seats < 4));
  // One click: the existing tidal-counter command with the move's matters.
  await assignCounterMatters(deps(), manager, hall.hallId, move!.counterId, { commandId: cmd(), matterIds: move!.matterIds, reason: `潮汐调度 ${move!.text}` });
  const after = await staffingPlan(deps(), manager, hall.hallId);
  const same = after.moves.find((m) => m.counterId === move!.counterId && m.from === move!.from);
  assert.ok(same?.applied, 'the advice stays, marked applied: the plan counts a comprehensive counter at home');
  // The return at the end of the window: every matter of the counter's own zone, by the same command.
  const zr = (await hall.counter(move!.counterNumber)).id;
  assert.match(same!.returnText, new RegExp(`^${move!.to}: ${move!.counterNumber} 号窗口 → 自然人服务区$`));
  await assignCounterMatters(deps(), manager, hall.hallId, zr, { commandId: cmd(), matterIds: same!.returnMatterIds, reason: `潮汐调度 ${same!.returnText}` });
  assert.is((await staffingPlan(deps(), manager, hall.hallId)).moves.find((m) => m.counterId === zr && m.from === move!.from)?.applied, false, 'returned');
});

t('peak staffing: the after-hours window opened by the back office in the 不动产 peak, the same minutes released; applied and returned in one click each; scheduled breaks leave "staffed"', async () => {
  // History of the previous test (past Tuesdays: a 不动产 morning peak); today only 不动产 (7, 8) and 法人 (1, 2) are open.
  await db.db.update(counters).set({ status: 'closed' }).where(eq(counters.hallId, hall.hallId));
  for (const n of [1, 2, 7, 8]) await db.db.update(counters).set({ status: 'open' }).where(eq(counters.id, (await hall.counter(n)).id));
  const manager = await hall.staff('manager');
  const plan = await staffingPlan(deps(), manager, hall.hallId);
  const at = (hhmm: string) => plan.slots.indexOf(hhmm);
  const open = plan.flex.find((o) => o.toZoneName === '不动产服务区');
  assert.ok(open, JSON.stringify(plan.flex));
  assert.is(open!.counterNumber, 14, 'the after-hours window is the spare counter');
  assert.ok(open!.from >= '09:30' && open!.to <= '11:00', `${open!.from}–${open!.to} inside the peak`);
  assert.match(open!.text, /^\d\d:\d\d–\d\d:\d\d: 14 号窗口（后台人员）→ 不动产服务区$/);
  const minutes = (t: { from: string; to: string }) => Number(t.to.slice(0, 2)) * 60 + Number(t.to.slice(3)) - Number(t.from.slice(0, 2)) * 60 - Number(t.from.slice(3));
  const released = plan.breaks.flatMap((b) => b.backOffice).reduce((a, t) => a + minutes(t), 0);
  assert.is(plan.flexMinutes, plan.flex.reduce((a, o) => a + minutes(o), 0));
  assert.is(released, plan.flexMinutes, 'the same counter-minutes: every minute opened is released');
  assert.ok(plan.breaks.filter((b) => b.backOffice.length).every((b) => [1, 2, 7, 8].includes(b.counterNumber)), 'only staffed counters are released');
  const bdc = plan.zones.find((z) => z.name === '不动产服务区')!;
  assert.is(bdc.staffed[at('10:00')], 2, 'the spare counter is not counted as staffed');
  // One click: the tidal-counter command on counter 14 with the zone's matters; the card marks it applied.
  const c14 = (await hall.counter(14)).id;
  const own = open!.returnMatterIds;
  assert.ok(own.length > 0 && !own.includes(open!.matterIds[0]!), 'its own matters are not the zone’s');
  await assignCounterMatters(deps(), manager, hall.hallId, c14, { commandId: cmd(), matterIds: open!.matterIds, reason: `弹性窗口 ${open!.text}` });
  const opened = await staffingPlan(deps(), manager, hall.hallId);
  const again = opened.flex.find((o) => o.from === open!.from)!;
  assert.is(again.applied, true);
  assert.equal(again.returnMatterIds, own, 'its own matters come from before today’s first move');
  await assignCounterMatters(deps(), manager, hall.hallId, c14, { commandId: cmd(), matterIds: again.returnMatterIds, reason: `潮汐调度 ${again.returnText}` });
  assert.is((await staffingPlan(deps(), manager, hall.hallId)).flex.find((o) => o.from === open!.from)!.applied, false);
  // A scheduled break of counter 7 takes it out of "staffed" in the half hour it touches; the advice does not change.
  const c7 = (await hall.counter(7)).id;
  await scheduleCounterBreaks(deps(), manager, hall.hallId, c7, { commandId: cmd(), date: plan.date, times: [{ from: '10:00', to: '10:15' }], reason: '测试' });
  const later = await staffingPlan(deps(), manager, hall.hallId);
  const bdcLater = later.zones.find((z) => z.name === '不动产服务区')!;
  assert.is(bdcLater.staffed[at('10:00')], 1);
  assert.is(bdcLater.staffed[at('10:30')], 2);
  assert.equal(later.flex.map((o) => o.text), plan.flex.map((o) => o.text), 'advice planned from the full schedule');
});

t('pooling: the simulator engine on the forecast day says what making professional counter 6 comprehensive gains', async () => {
  // Past Thursdays: a 社保登记 rush for the two comprehensive counters of 自然人, a trickle of 出入境 for counter 6.
  for (const date of ['2026-11-05', '2026-11-12', '2026-11-19']) {
    for (const hhmm of ['09:00', '09:30', '10:00', '10:30', '14:00', '14:30']) await history(date, hhmm, '社保登记', 9, 7);
    for (const hhmm of ['09:30', '14:30']) await history(date, hhmm, '出入境证件办理', 2, 10);
  }
  await db.db.update(counters).set({ status: 'closed' }).where(eq(counters.hallId, hall.hallId));
  for (const n of [4, 5, 6]) await db.db.update(counters).set({ status: 'open' }).where(eq(counters.id, (await hall.counter(n)).id));
  const plan = await staffingPlan(deps(), await hall.staff('manager'), hall.hallId, '2026-11-26');
  assert.is(plan.basis, 'same_weekday');
  assert.is(plan.pooling.length, 1, 'only the staffed professional counter is a candidate');
  const g = plan.pooling[0]!;
  assert.is(g.counterNumber, 6);
  assert.is(g.zoneName, '自然人服务区');
  assert.is(g.days, 8);
  // The draws are keyed by matter id (new UUIDs each run): about +10 points, never below +5.
  assert.ok(g.withinNow < 0.92 && g.withinPooled > g.withinNow + 0.05, `${g.withinNow} → ${g.withinPooled}`);
  assert.ok(g.hallPooled > g.hallNow, `${g.hallNow} → ${g.hallPooled}`);
  const again = await staffingPlan(deps(), await hall.staff('manager'), hall.hallId, '2026-11-26');
  assert.equal(again.pooling, plan.pooling, 'seeded: the same figures every time');
});

t("the day's own sessions: a Friday closing at 16:00, a Saturday morning, a closed Sunday", async () => {
  const week = [
    { start: '09:00', end: '12:00', days: [1, 2, 3, 4, 5] },
    { start: '13:30', end: '17:00', days: [1, 2, 3, 4] },
    { start: '13:30', end: '16:00', days: [5] },
    { start: '09:00', end: '11:00', days: [6] },
  ];
  const [before] = await db.db.select({ sessions: halls.sessions }).from(halls).where(eq(halls.id, hall.hallId));
  await db.db.update(halls).set({ sessions: week }).where(eq(halls.id, hall.hallId));
  try {
    const manager = await hall.staff('manager');
    const on = async (date: string) => (await staffingPlan(deps(), manager, hall.hallId, date)).slots;
    assert.equal((await on('2026-11-26')).slice(-2), ['16:00', '16:30'], 'Thursday until 17:00');
    const friday = await on('2026-11-27');
    assert.equal(friday.slice(-2), ['15:00', '15:30'], 'Friday until 16:00');
    assert.ok(friday.includes('09:00') && !friday.includes('16:00'));
    assert.equal(await on('2026-11-28'), ['09:00', '09:30', '10:00', '10:30'], 'Saturday morning only');
    assert.equal(await on('2026-11-29'), [], 'Sunday closed: nothing to plan');
  } finally {
    await db.db.update(halls).set({ sessions: before!.sessions }).where(eq(halls.id, hall.hallId));
  }
});

t('breaks in one click: the advised times are scheduled for the day (audited, idempotent), the plan marks them applied; bad times refused', async () => {
  const manager = await hall.staff('manager');
  const plan = await staffingPlan(deps(), manager, hall.hallId);
  const advice = plan.breaks[0]!;
  assert.is(advice.applied, false);
  const input = { commandId: cmd(), date: plan.date, times: advice.times, reason: `错峰休息 ${advice.counterNumber} 号窗口` };
  const saved = await scheduleCounterBreaks(deps(), manager, hall.hallId, advice.counterId, input);
  assert.equal(saved, { counterId: advice.counterId, date: plan.date, times: advice.times });
  assert.equal(await scheduleCounterBreaks(deps(), manager, hall.hallId, advice.counterId, input), saved, 'the same command again: the same answer');
  const after = await staffingPlan(deps(), manager, hall.hallId);
  assert.ok(after.breaks.find((b) => b.counterId === advice.counterId)!.applied);
  assert.ok(after.breaks.filter((b) => b.counterId !== advice.counterId).every((b) => !b.applied));
  const [audit] = await db.db.select().from(ticketEvents).where(and(eq(ticketEvents.hallId, hall.hallId), eq(ticketEvents.type, 'hall:configured'))).orderBy(desc(ticketEvents.seq)).limit(1);
  assert.match(JSON.stringify(audit!.data), /counter-breaks/);
  const code = async (times: { from: string; to: string }[], who = manager, counterId = advice.counterId) => {
    try {
      await scheduleCounterBreaks(deps(), who, hall.hallId, counterId, { commandId: cmd(), date: plan.date, times, reason: '错峰休息' });
      return 'ok';
    } catch (err) {
      return err instanceof AppError ? err.code : 'other';
    }
  };
  assert.is(await code([{ from: '12:30', to: '12:45' }]), 'validation_failed', 'between the sessions');
  assert.is(await code([{ from: '09:00', to: '09:30' }, { from: '09:15', to: '09:45' }]), 'validation_failed', 'overlapping');
  assert.is(await code([{ from: '09:00', to: '09:15' }], await hall.staff('staff1')), 'forbidden');
  assert.is(await code([{ from: '09:00', to: '09:15' }], manager, '00000000-0000-4000-8000-000000000000'), 'not_found');
  assert.is(await code([]), 'ok', 'an empty list clears the day');
  assert.not.ok((await staffingPlan(deps(), manager, hall.hallId)).breaks.some((b) => b.applied));
});

t('managers and admins only, and only their halls', async () => {
  let code = '';
  try {
    await staffingPlan(deps(), await hall.staff('staff1'), hall.hallId);
  } catch (err) {
    code = err instanceof AppError ? err.code : 'other';
  }
  assert.is(code, 'forbidden');
});

t.run();
