/**
 * Appointment seats derived from the staffing plan (docs/routing.md): for a booking day, the
 * plan's forecast for that weekday caps the seats of the peak half hours so the expected load
 * stays within capacity; every other slot keeps the matter's seats. A slot longer than half an
 * hour takes, per covered half hour, the capped seats or its share of the default. With no history
 * the plan caps nothing, so a new hall books exactly as configured.
 */
import type { Db, Tx } from '../../../db/client';
import type { HallView } from '../../protocol/views';
import { planForDay } from '../manager/staffing-plan';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export type SeatCap = (slot: { start: string; end: string }, matterId: string, configured: number) => number;

export async function plannedSeats(tx: Db | Tx, hall: HallView, date: string): Promise<SeatCap> {
  const { plan } = await planForDay(tx, hall, date, 'all');
  if (plan.seats.size === 0) return (_slot, _matter, configured) => configured;
  return (slot, matterId, configured) => {
    const from = minutesOf(slot.start);
    const to = minutesOf(slot.end);
    let capped = false;
    let seats = 0;
    for (let t = Math.floor(from / 30) * 30; t < to; t += 30) {
      const cap = plan.seats.get(`${t}|${matterId}`);
      if (cap !== undefined) capped = true;
      seats += cap ?? Math.ceil((configured * 30) / Math.max(30, to - from));
    }
    return capped ? Math.min(configured, seats) : configured;
  };
}
