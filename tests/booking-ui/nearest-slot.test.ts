/** The nearest free slot the booking page offers after a full one. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nearestFreeSlot } from '../../booking-ui/src/stores/nearest-slot';
import type { BookingCalendarView } from '../../server/protocol/appointments';

const slot = (start: string, remaining: number) => ({ start, end: `${start.slice(0, 3)}30`, startAt: '', endAt: '', capacity: 4, remaining });
const cal = (days: [string, [string, number][]][]): BookingCalendarView => ({
  hallId: 'h', matterId: 'm', today: '2026-11-23', calendarUnknownFrom: null,
  days: days.map(([date, slots]) => ({ date, note: null, slots: slots.map(([s, r]) => slot(s, r)) })),
});

const t = suite('nearest free slot');

t('same day first, nearest in time, the earlier on a tie; the wanted slot itself is never offered', () => {
  const c = cal([['2026-11-24', [['09:00', 1], ['10:00', 0], ['11:00', 1], ['14:00', 3]]], ['2026-11-25', [['10:00', 4]]]]);
  assert.equal(nearestFreeSlot(c, '2026-11-24', '10:00'), { date: '2026-11-24', start: '09:00', end: '09:30' });
  assert.equal(nearestFreeSlot(c, '2026-11-24', '13:30'), { date: '2026-11-24', start: '14:00', end: '14:30' });
});

t('a full day: the closest other day; nothing free: null', () => {
  const c = cal([['2026-11-24', [['10:00', 0]]], ['2026-11-25', [['10:00', 0], ['15:00', 2]]], ['2026-11-27', [['10:00', 1]]]]);
  assert.equal(nearestFreeSlot(c, '2026-11-24', '10:00'), { date: '2026-11-25', start: '15:00', end: '15:30' });
  assert.is(nearestFreeSlot(cal([['2026-11-24', [['10:00', 0]]]]), '2026-11-24', '10:00'), null);
});

t.run();
