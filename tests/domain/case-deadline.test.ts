/** Promised limits in working days on the official calendar: holidays, 调休, 补正 pauses, 80 % / overdue. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { caseDueDate, caseTime, elapsedWorkingDays, finishedWithinLimit, type CaseClock } from '../../server/domain/case-deadline';
import { CalendarError, createWorkingDayCalendar } from '../../server/domain/working-days';

const cal = createWorkingDayCalendar([]);
const clock = (acceptedDate: string, limitDays: number, pauses: CaseClock['pauses'] = []): CaseClock => ({ acceptedDate, limitDays, pauses });

const due = suite('due date');

due('acceptance day is day 0; only working days count', () => {
  assert.is(caseDueDate(cal, clock('2025-09-01', 5)), '2025-09-08', 'Mon + 5 working days skips the weekend');
  assert.is(caseDueDate(cal, clock('2025-09-05', 1)), '2025-09-08', 'Friday + 1 = Monday');
  assert.is(caseDueDate(cal, clock('2025-09-01', 0)), '2025-09-01', '0 days: the same day');
});

due('across 国庆节 2025 (10-01…10-08 off) and its 调休 Sundays/Saturdays (09-28, 10-11 on)', () => {
  assert.is(caseDueDate(cal, clock('2025-09-30', 1)), '2025-10-09', 'DOMAIN §6 vector');
  assert.is(caseDueDate(cal, clock('2025-09-26', 3)), '2025-09-30', 'Sunday 09-28 is a make-up working day and counts');
  assert.is(caseDueDate(cal, clock('2025-09-30', 3)), '2025-10-11', '10-09, 10-10, then Saturday 10-11 (调休)');
});

due('across 春节 2026 (02-15…02-23 off, Saturday 02-14 and 02-28 on)', () => {
  assert.is(caseDueDate(cal, clock('2026-02-13', 1)), '2026-02-14', 'Saturday 02-14 is a working day');
  assert.is(caseDueDate(cal, clock('2026-02-14', 1)), '2026-02-24', 'the whole holiday is skipped');
  assert.is(caseDueDate(cal, clock('2026-02-24', 4)), '2026-02-28', 'Saturday 02-28 (调休) counts');
});

due('a 补正 pause moves the due date by the working days it covered', () => {
  // Materials asked for on Tue 09-02, supplied Thu 09-04: 09-03 and 09-04 do not count.
  assert.is(caseDueDate(cal, clock('2025-09-01', 5, [{ from: '2025-09-02', to: '2025-09-04' }])), '2025-09-10');
  // A pause over a weekend only removes its working days (Fri 09-05 → Mon 09-08 removes 09-08).
  assert.is(caseDueDate(cal, clock('2025-09-01', 5, [{ from: '2025-09-05', to: '2025-09-08' }])), '2025-09-09');
  // Two pauses add up.
  assert.is(caseDueDate(cal, clock('2025-09-01', 5, [{ from: '2025-09-01', to: '2025-09-02' }, { from: '2025-09-03', to: '2025-09-04' }])), '2025-09-10');
  // While a pause is open the due date is unknown.
  assert.is(caseDueDate(cal, clock('2025-09-01', 5, [{ from: '2025-09-02', to: null }])), null);
});

due('a year without calendar data is refused, never guessed', () => {
  for (const c of [clock('2027-03-01', 1), clock('2026-12-21', 10), clock('2026-12-28', 1)]) {
    try {
      caseDueDate(cal, c);
      assert.unreachable(`expected calendar_year_unknown for ${c.acceptedDate}`);
    } catch (e) {
      assert.instance(e, CalendarError);
      assert.is((e as CalendarError).code, 'calendar_year_unknown');
      assert.is((e as CalendarError).year, 2027);
    }
  }
  // An admin-declared 2027 makes it computable.
  const declared = createWorkingDayCalendar([{ date: '2027-01-01', working: false, note: '元旦' }], { declaredYears: [2027] });
  assert.is(caseDueDate(declared, clock('2026-12-31', 1)), '2027-01-04');
});

due('bad limits throw', () => {
  assert.throws(() => caseDueDate(cal, clock('2025-09-01', -1)));
  assert.throws(() => caseDueDate(cal, clock('2025-09-01', 1.5)));
});

const risk = suite('at risk (80 %) and overdue');

risk('limit 5 from Mon 2025-09-01: ok, at risk from day 4, overdue after the due date', () => {
  const c = clock('2025-09-01', 5);
  const at = (d: string) => caseTime(cal, c, d);
  assert.equal(at('2025-09-01'), { dueDate: '2025-09-08', elapsedDays: 0, level: 'ok' });
  assert.equal(at('2025-09-04'), { dueDate: '2025-09-08', elapsedDays: 3, level: 'ok' });
  assert.equal(at('2025-09-05'), { dueDate: '2025-09-08', elapsedDays: 4, level: 'at_risk' });
  assert.equal(at('2025-09-07'), { dueDate: '2025-09-08', elapsedDays: 4, level: 'at_risk' }, 'Sunday adds nothing');
  assert.equal(at('2025-09-08'), { dueDate: '2025-09-08', elapsedDays: 5, level: 'at_risk' });
  assert.equal(at('2025-09-09'), { dueDate: '2025-09-08', elapsedDays: 6, level: 'overdue' });
});

risk('a pause holds the clock; an open pause is neither at risk nor overdue', () => {
  const closed = clock('2025-09-01', 5, [{ from: '2025-09-02', to: '2025-09-04' }]);
  assert.is(elapsedWorkingDays(cal, closed, '2025-09-05'), 2);
  assert.is(caseTime(cal, closed, '2025-09-05').level, 'ok');
  assert.is(caseTime(cal, closed, '2025-09-09').level, 'at_risk');
  const open = clock('2025-09-01', 5, [{ from: '2025-09-02', to: null }]);
  assert.equal(caseTime(cal, open, '2025-09-30'), { dueDate: null, elapsedDays: 1, level: 'paused' });
});

risk('limit 0 is due the same day: overdue the next day, never "at risk" first', () => {
  assert.is(caseTime(cal, clock('2025-09-01', 0), '2025-09-01').level, 'ok');
  assert.is(caseTime(cal, clock('2025-09-01', 0), '2025-09-02').level, 'overdue');
});

risk('finished within the limit, with an open pause closed on the finishing day', () => {
  assert.ok(finishedWithinLimit(cal, clock('2025-09-01', 5), '2025-09-08'));
  assert.not.ok(finishedWithinLimit(cal, clock('2025-09-01', 5), '2025-09-09'));
  assert.ok(finishedWithinLimit(cal, clock('2025-09-01', 5, [{ from: '2025-09-02', to: '2025-09-04' }]), '2025-09-10'));
});

due.run();
risk.run();
