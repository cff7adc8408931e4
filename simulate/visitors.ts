/**
 * One simulated day's visitors, drawn once per seed and then replayed under every policy (common
 * random numbers): the same people arrive at the same minutes with the same service times.
 *
 * Walk-ins arrive in the kiosk's issuing windows (opening sessions minus the last-ticket cut-off).
 * Booked visitors ask for a slot; a full slot (capacity per matter and slot) gets them the nearest
 * free one, as the booking page offers it, and with none free they come as walk-ins.
 */
import { ageOn } from '../server/protocol/identity-number';
import type { Rng } from './rng';
import { SERVICE_CAP, SERVICE_FLOOR, visitorsPerDay, type Scenario } from './scenario';

export interface Visitor {
  id: number;
  matterId: string;
  /** Minutes after midnight when the visitor takes a ticket (kiosk or appointment check-in). */
  arrival: number;
  serviceMinutes: number;
  /** Priority from age (derived as the kiosk does) or declared (disabled, military, pregnant). */
  green: boolean;
  /** The booked slot, minutes after midnight; null for walk-ins. */
  slot: { start: number; end: number } | null;
  /** Took a ticket and is gone when called. */
  noShow: boolean;
  /** Gives up after waiting this many minutes (from the wait start: the ticket, or the slot start if later); never less than the target. */
  patience: number;
}

/** The simulated service day (only its weekday-free date matters for ages). */
export const SIM_DAY = '2026-11-24';

export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** The kiosk's issuing windows in half hours, as [start, end) minutes (the profile's buckets). */
export function issuingHalfHours(s: Pick<Scenario, 'sessions' | 'lastTicketMinutes'>): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const session of s.sessions) {
    const last = session.end - s.lastTicketMinutes;
    for (let t = session.start; t < last; t += 30) out.push({ start: t, end: Math.min(t + 30, last) });
  }
  return out;
}

/** Appointment slots: every 30 minutes of the sessions (a slot ends by the session end). */
export function slotStarts(s: Pick<Scenario, 'sessions' | 'settings'>): number[] {
  const len = s.settings.appointmentSlotMinutes;
  const out: number[] = [];
  for (const session of s.sessions) for (let t = session.start; t + len <= session.end; t += len) out.push(t);
  return out;
}

/** A visitor arriving before a session waits for the doors; after the last one they are gone. */
function intoSessions(s: Scenario, t: number): number | null {
  for (const session of s.sessions) {
    if (t < session.start) return session.start;
    if (t < session.end) return t;
  }
  return null;
}

/** Offset of an appointment visitor's arrival from slot start, minutes (the no-show is drawn apart). */
function appointmentOffset(rng: Rng, slotMinutes: number, grace: number): number {
  const r = rng.next();
  if (r < 0.6) return rng.uniform(-20, 0); // early
  if (r < 0.92) return rng.uniform(0, slotMinutes); // within the slot
  if (r < 0.97) return rng.uniform(slotMinutes, slotMinutes + grace); // within the grace period
  return rng.uniform(slotMinutes + grace, slotMinutes + grace + 40); // too late: a walk-in
}

/** The nearest slot with a free seat (earlier one first on a tie), or null when all are full. */
function nearestFree(wanted: number, starts: readonly number[], free: (start: number) => boolean): number | null {
  const order = [...starts].sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || a - b);
  return order.find(free) ?? null;
}

export function drawVisitors(s: Scenario, rng: Rng): Visitor[] {
  const buckets = issuingHalfHours(s);
  const starts = slotStarts(s);
  const perDay = visitorsPerDay(s);
  const capacity = s.slotCapacity ?? (() => s.settings.appointmentSlotCapacity);
  const visitors: Omit<Visitor, 'id'>[] = [];
  for (const m of s.matters) {
    const r = rng.fork(`matter:${m.id}`);
    const profile = s.profiles[m.zone] ?? buckets.map(() => 1);
    const weights = buckets.map((_, i) => profile[i] ?? 1);
    const person = () => {
      const elderly = r.chance(s.elderlyShare[m.zone] ?? 0);
      const age = elderly ? Math.floor(r.uniform(s.settings.elderlyAge, 90)) : Math.floor(r.uniform(20, s.settings.elderlyAge));
      const green = ageOn(`${2026 - age - 1}-06-01`, SIM_DAY) >= s.settings.elderlyAge || r.chance(s.otherGreenShare);
      const serviceMinutes = Math.min(SERVICE_CAP * m.serviceMean, Math.max(SERVICE_FLOOR, r.lognormal(m.serviceMean, s.serviceCv)));
      const patience = Math.max(m.targetMinutes, r.lognormal(s.patienceMean[m.complexity], 0.5));
      return { green, serviceMinutes, patience };
    };
    const total = poisson(r, perDay.get(m.id)!);
    const booked = new Map<number, number>();
    for (let i = 0; i < total; i++) {
      const b = buckets[r.pickWeighted(weights)]!;
      const wanted = r.uniform(b.start, b.end);
      const p = person();
      const walkIn = { matterId: m.id, arrival: wanted, slot: null, noShow: r.chance(s.walkInNoShowShare), ...p };
      if (!r.chance(m.appointmentShare)) {
        visitors.push(walkIn);
        continue;
      }
      const wantedSlot = starts.filter((t) => t <= wanted).pop() ?? starts[0]!;
      const slotStart = nearestFree(wantedSlot, starts, (t) => (booked.get(t) ?? 0) < capacity(m.id, t));
      if (slotStart === null) {
        visitors.push(walkIn);
        continue;
      }
      booked.set(slotStart, (booked.get(slotStart) ?? 0) + 1);
      const slot = { start: slotStart, end: slotStart + s.settings.appointmentSlotMinutes };
      const offset = appointmentOffset(r, s.settings.appointmentSlotMinutes, s.settings.appointmentGraceMinutes);
      if (r.chance(s.appointmentNoShowShare)) continue;
      const arrival = intoSessions(s, slot.start + offset);
      if (arrival === null) continue;
      visitors.push({ matterId: m.id, arrival, slot, noShow: false, ...p });
    }
  }
  visitors.sort((a, b) => a.arrival - b.arrival || a.matterId.localeCompare(b.matterId));
  return visitors.map((v, i) => ({ ...v, id: i + 1 }));
}
