/** Opening sessions per weekday against the calendar's kind of day (pure), and the week's validation. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ticketIssuing } from '../../server/domain/opening-hours';
import { dayKindOf, isoWeekday, sessionsOn, type DayKind } from '../../server/domain/weekly-sessions';
import { hallCreate, overlappingSessions } from '../../server/protocol/schemas';

/** Mon–Thu 9:00–12:00 and 13:30–17:00, Friday closing at 16:00, Saturday morning, Sunday closed. */
const WEEK = [
  { start: '09:00', end: '12:00', days: [1, 2, 3, 4, 5] },
  { start: '13:30', end: '17:00', days: [1, 2, 3, 4] },
  { start: '13:30', end: '16:00', days: [5] },
  { start: '09:00', end: '12:00', days: [6] },
];
const span = (s: { start: string; end: string }[]) => s.map((x) => `${x.start}-${x.end}`).join(' ');
const on = (date: string, kind: DayKind, openOnRestDays = false) => span(sessionsOn(date, WEEK, kind, openOnRestDays));

const t = suite('weekly opening sessions');

t('ISO weekdays: 2026-11-23 is a Monday, 2026-11-29 a Sunday', () => {
  assert.equal(['2026-11-23', '2026-11-27', '2026-11-28', '2026-11-29'].map(isoWeekday), [1, 5, 6, 7]);
});

t('a working day gets its weekday’s sessions; Saturday its morning; Sunday nothing; a holiday nothing', () => {
  assert.is(on('2026-11-24', 'working'), '09:00-12:00 13:30-17:00');
  assert.is(on('2026-11-27', 'working'), '09:00-12:00 13:30-16:00', 'Friday closes at 16:00');
  assert.is(on('2026-11-28', 'weekend'), '09:00-12:00', 'Saturday morning');
  assert.is(on('2026-11-29', 'weekend'), '', 'Sunday closed');
  assert.is(on('2026-10-01', 'holiday'), '', 'National Day on a Thursday: closed');
  assert.is(on('2026-10-03', 'holiday'), '', 'a holiday on a Saturday: closed, Saturday morning or not');
});

t('a 调休 weekend day worked for a holiday runs like a Monday; open-on-rest-days halls open every date with its weekday', () => {
  assert.is(on('2026-10-10', 'working'), '09:00-12:00 13:30-17:00', 'a worked Saturday');
  assert.is(on('2026-11-29', 'weekend', true), '', 'Sunday has no session even when the hall opens on rest days');
  assert.is(on('2026-10-01', 'holiday', true), '09:00-12:00 13:30-17:00');
});

t('sessions without days are the working week’s: every working day, never an ordinary weekend', () => {
  const plain = [{ start: '09:00', end: '17:00' }];
  assert.is(span(sessionsOn('2026-11-24', plain, 'working', false)), '09:00-17:00');
  assert.is(span(sessionsOn('2026-11-28', plain, 'weekend', false)), '');
  assert.is(span(sessionsOn('2026-11-28', plain, 'weekend', true)), '09:00-17:00');
});

t('the calendar’s verdict as a kind of day', () => {
  assert.is(dayKindOf({ date: '2026-11-24', working: true, source: 'weekday' }), 'working');
  assert.is(dayKindOf({ date: '2026-11-28', working: false, source: 'weekday' }), 'weekend');
  assert.is(dayKindOf({ date: '2026-10-01', working: false, source: 'bundled' }), 'holiday');
  assert.is(dayKindOf({ date: '2026-11-25', working: false, source: 'override' }), 'holiday');
  assert.is(dayKindOf({ date: '2026-10-10', working: true, source: 'bundled' }), 'working');
});

t('the kiosk: Saturday 11:00 issues, Saturday 14:00 is after hours, Sunday is a rest day whose next opening is Monday 09:00', () => {
  const hours = { timeZone: 'Asia/Shanghai', lastTicketMinutes: 30, kioskIssuing: 'sessions' as const };
  const kind = (d: string): DayKind => (isoWeekday(d) <= 5 ? 'working' : 'weekend');
  const week = (d: string) => sessionsOn(d, WEEK, kind(d), false);
  assert.equal(ticketIssuing(new Date('2026-11-28T11:00:00+08:00'), hours, week), { open: true });
  const sat = ticketIssuing(new Date('2026-11-28T14:00:00+08:00'), hours, week);
  assert.equal(sat.open ? null : sat.reason, 'after_hours');
  const sun = ticketIssuing(new Date('2026-11-29T10:00:00+08:00'), hours, week);
  assert.equal(sun.open ? null : [sun.reason, sun.nextOpening?.toISOString()], ['rest_day', '2026-11-30T01:00:00.000Z']);
  const fri = ticketIssuing(new Date('2026-11-27T15:40:00+08:00'), hours, week);
  assert.equal(fri.open ? null : fri.reason, 'after_last_ticket', 'Friday’s cut-off is 30 minutes before 16:00');
});

t('a week is refused when two sessions overlap on a day both run on, with the message on the later one', () => {
  assert.equal(overlappingSessions(WEEK), []);
  assert.equal(overlappingSessions([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00', days: [3] }]), [[0, 1]]);
  assert.equal(overlappingSessions([{ start: '09:00', end: '12:00', days: [1] }, { start: '11:00', end: '13:00', days: [2] }]), []);
  const r = hallCreate.safeParse({ code: 'X', name: 'x', sessions: [{ start: '09:00', end: '12:00' }, { start: '11:30', end: '17:00' }] });
  assert.is(r.success, false);
  assert.equal(r.error?.issues.map((i) => [i.path.join('.'), i.message]), [['sessions.1', 'sessions overlap']]);
  assert.is(hallCreate.safeParse({ code: 'X', name: 'x', sessions: [{ start: '09:00', end: '12:00', days: [8] }] }).success, false, 'weekday 8');
  assert.is(hallCreate.safeParse({ code: 'X', name: 'x', sessions: [{ start: '09:00', end: '12:00', days: [] }] }).success, false, 'no weekday');
});

t.run();
