import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planDeadlines, stageStatus, handledOnTime, DEFAULT_BAD_REVIEW_DEADLINES } from '../../server/domain/evaluation/bad-review-deadlines';
import { CalendarError, createWorkingDayCalendar } from '../../server/domain/working-days';

const t = suite('"1、3、1" deadlines on the working-day calendar');
const TZ = 'Asia/Shanghai';
const calendar = createWorkingDayCalendar([]);

t('an ordinary week: Monday review → contact Tue, reply Fri, close Mon', () => {
  const plan = planDeadlines(new Date('2025-11-17T06:00:00Z'), TZ, calendar, DEFAULT_BAD_REVIEW_DEADLINES);
  assert.equal(plan.dueDates, { contact: '2025-11-18', reply: '2025-11-21', close: '2025-11-24' });
  // Due at the end of the hall-local day: 2025-11-18 24:00 Shanghai = 16:00 UTC.
  assert.is(plan.dueAt.contact.toISOString(), '2025-11-18T16:00:00.000Z');
});

t('across 国庆 2025 and its 调休 Saturday 2025-10-11', () => {
  // Review on Tuesday 2025-09-30 (local 15:00). 10-01…10-08 are holidays; 10-11 (Sat) is a working day.
  const plan = planDeadlines(new Date('2025-09-30T07:00:00Z'), TZ, calendar, DEFAULT_BAD_REVIEW_DEADLINES);
  assert.is(plan.dueDates.contact, '2025-10-09'); // the DOMAIN vector: 1 working day after 09-30
  assert.is(plan.dueDates.reply, '2025-10-13'); // 10-10 Fri, 10-11 Sat (调休), 10-13 Mon
  assert.is(plan.dueDates.close, '2025-10-14');
});

t('a review at 23:30 local counts from its hall-local day, not the UTC day', () => {
  // 2025-11-17T15:30Z is 23:30 on Monday 11-17 in Shanghai.
  const plan = planDeadlines(new Date('2025-11-17T15:30:00Z'), TZ, calendar, DEFAULT_BAD_REVIEW_DEADLINES);
  assert.is(plan.dueDates.contact, '2025-11-18');
});

t('a review on 调休 working Sunday 2025-01-26 and before 春节', () => {
  // 2025-01-26 (Sun) is a working day; 01-28 … 02-04 are 春节 holidays; 02-08 (Sat) is a working day.
  const plan = planDeadlines(new Date('2025-01-26T02:00:00Z'), TZ, calendar, { ...DEFAULT_BAD_REVIEW_DEADLINES });
  assert.is(plan.dueDates.contact, '2025-01-27');
  assert.is(plan.dueDates.reply, '2025-02-07'); // 01-28 … 02-04 off; 02-05 Wed, 02-06 Thu, 02-07 Fri
  assert.is(plan.dueDates.close, '2025-02-08'); // the 调休 Saturday is the next working day
});

t('days per stage come from the hall settings', () => {
  const plan = planDeadlines(new Date('2025-11-17T06:00:00Z'), TZ, calendar, { contactDays: 2, replyDays: 5, closeDays: 2, alertShare: 0.8 });
  assert.equal(plan.dueDates, { contact: '2025-11-19', reply: '2025-11-26', close: '2025-11-28' });
});

t('stages are configurable: 0 days merges a stage into the next one (due with it)', () => {
  const monday = new Date('2025-11-17T06:00:00Z');
  // "contact and reply within 3, close within 1": contact has no deadline of its own.
  assert.equal(planDeadlines(monday, TZ, calendar, { contactDays: 0, replyDays: 3, closeDays: 1, alertShare: 0.8 }).dueDates, { contact: '2025-11-20', reply: '2025-11-20', close: '2025-11-21' });
  // "contact within 1, reply and close within 4 more".
  assert.equal(planDeadlines(monday, TZ, calendar, { contactDays: 1, replyDays: 0, closeDays: 4, alertShare: 0.8 }).dueDates, { contact: '2025-11-18', reply: '2025-11-24', close: '2025-11-24' });
  // One stage only: everything within 5 working days, across 国庆 2025 (10-01…10-08 off, 10-11 调休 worked).
  const oneStage = planDeadlines(new Date('2025-09-30T07:00:00Z'), TZ, calendar, { contactDays: 0, replyDays: 0, closeDays: 5, alertShare: 0.8 });
  assert.equal(oneStage.dueDates, { contact: '2025-10-14', reply: '2025-10-14', close: '2025-10-14' }); // 10-09, 10-10, 10-11 (调休), 10-13, 10-14
  assert.is(oneStage.dueAt.contact.getTime(), oneStage.dueAt.close.getTime());
  // A merged stage's alert runs to the merged deadline: contacting on day 2 of 3 is not overdue.
  const merged = planDeadlines(monday, TZ, calendar, { contactDays: 0, replyDays: 3, closeDays: 1, alertShare: 0.8 });
  assert.is(stageStatus({ state: 'pending_contact', appealFrom: null }, merged, monday, new Date('2025-11-19T06:00:00Z')).alert, 'none');
  assert.is(stageStatus({ state: 'pending_contact', appealFrom: null }, merged, monday, new Date('2025-11-20T16:00:01Z')).alert, 'overdue');
});

t('a year without calendar data is refused, naming the year', () => {
  const noData = createWorkingDayCalendar([], { bundled: null });
  try {
    planDeadlines(new Date('2025-11-17T06:00:00Z'), TZ, noData, DEFAULT_BAD_REVIEW_DEADLINES);
    assert.unreachable('should refuse');
  } catch (err) {
    assert.instance(err, CalendarError);
    assert.is((err as CalendarError).code, 'calendar_year_unknown');
    assert.is((err as CalendarError).year, 2025);
  }
  // The bundled data ends with 2026: a review late in December 2026 needs 2027 (year-end window).
  assert.throws(() => planDeadlines(new Date('2026-12-28T02:00:00Z'), TZ, calendar, DEFAULT_BAD_REVIEW_DEADLINES), (e: unknown) => (e as CalendarError).year === 2027);
});

t('alerts: under 80 % none, from 80 % at risk, past the due instant overdue', () => {
  const opened = new Date('2025-11-17T16:00:00Z'); // Tue 11-18 00:00 local; contact due Wed 11-19 24:00 → a 48 h window
  const plan = planDeadlines(opened, TZ, calendar, DEFAULT_BAD_REVIEW_DEADLINES);
  const c = { state: 'pending_contact' as const, appealFrom: null };
  const h = (hours: number) => new Date(opened.getTime() + hours * 3_600_000);
  assert.is(stageStatus(c, plan, opened, h(38.3)).alert, 'none'); // 79.8 %
  assert.is(stageStatus(c, plan, opened, h(38.4)).alert, 'at_risk'); // 80 %
  assert.is(stageStatus(c, plan, opened, h(47.99)).alert, 'at_risk');
  assert.is(stageStatus(c, plan, opened, h(48)).alert, 'overdue');
  assert.is(stageStatus(c, plan, opened, h(48)).stage, 'contact');
  // An appeal keeps the interrupted stage's clock.
  assert.is(stageStatus({ state: 'appealing', appealFrom: 'rectifying' }, plan, opened, h(1)).stage, 'reply');
  assert.is(stageStatus({ state: 'closed', appealFrom: null }, plan, opened, h(1)).alert, 'none');
});

t('handled on time: every stage it went through by its due instant', () => {
  const plan = planDeadlines(new Date('2025-11-17T06:00:00Z'), TZ, calendar, DEFAULT_BAD_REVIEW_DEADLINES);
  const d = (s: string) => new Date(s);
  assert.is(handledOnTime(plan, { contactedAt: d('2025-11-18T08:00:00Z'), repliedAt: d('2025-11-21T08:00:00Z'), closedAt: d('2025-11-24T08:00:00Z') }), true);
  assert.is(handledOnTime(plan, { contactedAt: d('2025-11-18T16:00:01Z'), repliedAt: d('2025-11-21T08:00:00Z'), closedAt: d('2025-11-24T08:00:00Z') }), false);
  assert.is(handledOnTime(plan, { contactedAt: d('2025-11-18T08:00:00Z'), repliedAt: null, closedAt: d('2025-11-24T16:00:01Z') }), false);
  assert.is(handledOnTime(plan, { contactedAt: null, repliedAt: null, closedAt: null }), null);
});

t.run();
