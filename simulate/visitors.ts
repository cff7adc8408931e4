/**
 * One simulated day's visitors, drawn once per seed and then replayed under every policy (common
 * random numbers): the same people arrive at the same minutes with the same service times.
 */
import type { Rng } from './rng';
import type { Scenario } from './scenario';

export interface Visitor {
  id: number;
  matterId: string;
  /** Minutes after midnight when the visitor takes a ticket (kiosk or appointment check-in). */
  arrival: number;
  serviceMinutes: number;
  green: boolean;
  /** The booked slot, minutes after midnight; null for walk-ins. */
  slot: { start: number; end: number } | null;
}

function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** The half-hour buckets of the opening sessions, as [start, end) minutes. */
export function halfHours(s: Scenario): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const session of s.sessions) for (let t = session.start; t < session.end; t += 30) out.push({ start: t, end: Math.min(t + 30, session.end) });
  return out;
}

/** A visitor arriving outside the sessions waits for the doors; after the last session they are gone. */
function intoSessions(s: Scenario, t: number): number | null {
  for (const session of s.sessions) {
    if (t < session.start) return session.start;
    if (t < session.end) return t;
  }
  return null;
}

/** Offset of an appointment visitor's arrival from slot start, minutes; null = does not come. */
function appointmentOffset(rng: Rng, slotMinutes: number, grace: number): number | null {
  const r = rng.next();
  if (r < 0.04) return null; // no-show
  if (r < 0.62) return rng.uniform(-20, 0); // early
  if (r < 0.92) return rng.uniform(0, slotMinutes); // within the slot
  if (r < 0.97) return rng.uniform(slotMinutes, slotMinutes + grace); // within the grace period
  return rng.uniform(slotMinutes + grace, slotMinutes + grace + 40); // too late: a walk-in
}

export function drawVisitors(s: Scenario, rng: Rng): Visitor[] {
  const buckets = halfHours(s);
  const weights = buckets.map((_, i) => s.halfHourWeights[i] ?? 1);
  const visitors: Omit<Visitor, 'id'>[] = [];
  for (const m of s.matters) {
    const r = rng.fork(`matter:${m.id}`);
    const walkIns = poisson(r, m.perDay * s.load * (1 - m.appointmentShare));
    for (let i = 0; i < walkIns; i++) {
      const b = buckets[r.pickWeighted(weights)]!;
      visitors.push({
        matterId: m.id,
        arrival: r.uniform(b.start, b.end),
        serviceMinutes: Math.min(4 * m.serviceMean, Math.max(1, r.lognormal(m.serviceMean, s.serviceCv))),
        green: r.chance(s.greenShare),
        slot: null,
      });
    }
    const booked = poisson(r, m.perDay * s.load * m.appointmentShare);
    for (let i = 0; i < booked; i++) {
      const b = buckets[r.pickWeighted(weights)]!;
      const slot = { start: b.start, end: b.start + s.slotMinutes };
      const offset = appointmentOffset(r, s.slotMinutes, s.settings.appointmentGraceMinutes);
      const service = Math.min(4 * m.serviceMean, Math.max(1, r.lognormal(m.serviceMean, s.serviceCv)));
      if (offset === null) continue;
      const arrival = intoSessions(s, slot.start + offset);
      if (arrival === null) continue;
      visitors.push({ matterId: m.id, arrival, serviceMinutes: service, green: false, slot });
    }
  }
  visitors.sort((a, b) => a.arrival - b.arrival || a.matterId.localeCompare(b.matterId));
  return visitors.map((v, i) => ({ ...v, id: i + 1 }));
}
