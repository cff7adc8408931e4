/** Ticket hours: open days, sessions, the last-ticket cut-off and the next opening (pure). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { localStamp, nextOpening, ticketIssuing, type SessionsOn, type TicketHours } from '../../server/domain/opening-hours';

const HOURS: TicketHours = { timeZone: 'Asia/Shanghai', lastTicketMinutes: 30, kioskIssuing: 'sessions' };
const SESSIONS = [
  { start: '13:30', end: '17:00' },
  { start: '09:00', end: '12:00' },
];
const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const openOn = (open: (date: string) => boolean): SessionsOn => (date) => (open(date) ? SESSIONS : []);
const weekdays = openOn(isWeekday);
const at = (local: string) => new Date(`${local}:00+08:00`);
const verdict = (local: string, h: TicketHours = HOURS, open: SessionsOn = weekdays) => ticketIssuing(at(local), h, open);

const t = suite('ticket hours');

t('inside a session and before the cut-off the kiosk issues', () => {
  for (const x of ['2026-11-24T09:00', '2026-11-24T11:29', '2026-11-24T13:30', '2026-11-24T16:29']) assert.equal(verdict(x), { open: true }, x);
});

t('before opening, over lunch, after the cut-off and after hours it does not, and says when it opens next', () => {
  const cases: [string, string, string][] = [
    ['2026-11-24T08:59', 'before_opening', '2026-11-24 09:00'],
    ['2026-11-24T11:30', 'after_last_ticket', '2026-11-24 13:30'],
    ['2026-11-24T12:30', 'between_sessions', '2026-11-24 13:30'],
    ['2026-11-24T16:30', 'after_last_ticket', '2026-11-25 09:00'],
    ['2026-11-24T21:00', 'after_hours', '2026-11-25 09:00'],
  ];
  for (const [local, reason, next] of cases) {
    const v = verdict(local);
    assert.is(v.open, false, local);
    if (v.open) continue;
    assert.is(v.reason, reason, local);
    assert.is(localStamp(v.nextOpening!, HOURS.timeZone), next, local);
  }
});

t('Sunday 21:00 is a rest day: the next opening is Monday 09:00; an open-every-day hall opens on Sunday too', () => {
  const v = verdict('2026-11-29T21:00');
  assert.equal(v.open ? null : [v.reason, localStamp(v.nextOpening!, 'Asia/Shanghai')], ['rest_day', '2026-11-30 09:00']);
  assert.equal(verdict('2026-11-29T10:00', HOURS, () => SESSIONS), { open: true });
});

t('a holiday week is skipped; a cut-off of 0 issues until the session ends; "always" issues at any hour', () => {
  const golden = openOn((d) => isWeekday(d) && !(d >= '2026-10-01' && d <= '2026-10-07'));
  assert.is(localStamp(nextOpening(at('2026-09-30T17:00'), HOURS, golden)!, 'Asia/Shanghai'), '2026-10-08 09:00');
  assert.equal(verdict('2026-11-24T11:59', { ...HOURS, lastTicketMinutes: 0 }), { open: true });
  assert.equal(verdict('2026-11-29T03:00', { ...HOURS, kioskIssuing: 'always' }, () => []), { open: true });
});

t('no open day within a month: closed, with no next opening', () => {
  const v = verdict('2026-11-24T10:00', HOURS, () => []);
  assert.equal(v, { open: false, reason: 'rest_day', nextOpening: null });
});

t.run();
