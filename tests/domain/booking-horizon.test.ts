/** The booking horizon: same-day booking with bookingMinDaysAhead = 0, never before today, working days only (pure). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingHorizon, checkBookingDate } from '../../server/domain/booking-rules';
import { CalendarError, createWorkingDayCalendar } from '../../server/domain/working-days';

const cal = createWorkingDayCalendar([]);
const unknown = (err: unknown) => err instanceof CalendarError;
const h = suite('booking horizon');

// 2026-12-01 is a Tuesday (a working day), 2026-12-05 a Saturday.
h('bookingMinDaysAhead = 0: today is offered first', () => {
  const r = bookingHorizon(cal, '2026-12-01', { bookingMinDaysAhead: 0, bookingMaxWorkingDaysAhead: 3 }, unknown);
  assert.equal(r.days.map((d) => d.date), ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
  assert.ok(checkBookingDate(cal, '2026-12-01', '2026-12-01', { bookingMinDaysAhead: 0, bookingMaxWorkingDaysAhead: 3 }).ok);
});

h('bookingMinDaysAhead = 1 (the default): not today', () => {
  const r = bookingHorizon(cal, '2026-12-01', { bookingMinDaysAhead: 1, bookingMaxWorkingDaysAhead: 3 }, unknown);
  assert.equal(r.days.map((d) => d.date), ['2026-12-02', '2026-12-03', '2026-12-04']);
  const c = checkBookingDate(cal, '2026-12-01', '2026-12-01', { bookingMinDaysAhead: 1, bookingMaxWorkingDaysAhead: 3 });
  assert.is(c.ok ? '' : c.reason, 'too_soon');
});

h('same day on a Saturday: today is not a working day, so not offered', () => {
  const r = bookingHorizon(cal, '2026-12-05', { bookingMinDaysAhead: 0, bookingMaxWorkingDaysAhead: 2 }, unknown);
  assert.equal(r.days.map((d) => d.date), ['2026-12-07', '2026-12-08']);
});

h.run();
