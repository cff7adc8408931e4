/** The free slot nearest to the one a visitor wanted: same day first, then the closest day; earlier wins a tie. */
import type { BookingCalendarView } from '../../../server/protocol/appointments';

export interface SlotSuggestion {
  date: string;
  start: string;
  end: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function nearestFreeSlot(calendar: BookingCalendarView, date: string, start: string): SlotSuggestion | null {
  let best: { s: SlotSuggestion; key: [number, number, number] } | null = null;
  for (const d of calendar.days) {
    for (const s of d.slots) {
      if (s.remaining <= 0 || (d.date === date && s.start === start)) continue;
      const delta = minutesOf(s.start) - minutesOf(start);
      const key: [number, number, number] = [Math.abs(dayOf(d.date) - dayOf(date)), Math.abs(delta), delta];
      if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && (key[1] < best.key[1] || (key[1] === best.key[1] && key[2] < best.key[2])))) {
        best = { s: { date: d.date, start: s.start, end: s.end }, key };
      }
    }
  }
  return best?.s ?? null;
}
