/**
 * Random halls for the forecast's property tests (queue-forecast-equivalence, -incremental): 1–6
 * matters, 1–5 counters with different matter sets, preferred matters, streaks and free times,
 * and a queue with green channel, appointments before, in and after their window, transfers (to a
 * counter, or keeping another matter's target), coarse and fine wait starts.
 */
import type { ForecastCandidate, ForecastCounter, SimulationInput } from '../../server/domain/queue-forecast';

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const NOW = new Date('2026-11-23T03:00:00Z');
const MIN = 60_000;

export function randomHall(seed: number): SimulationInput {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const matterCount = 1 + Math.floor(r() * 6);
  const matters = Array.from({ length: matterCount }, (_, i) => ({ id: `m${i}`, target: pick([5, 10, 10, 15, 30, 45]), service: pick([0.2, 1, 2, 4, 8, 15, 25]) }));
  const counterCount = 1 + Math.floor(r() * 5);
  const counters: ForecastCounter[] = Array.from({ length: counterCount }, (_, i) => {
    const serves = matters.filter(() => r() < 0.6).map((m) => m.id);
    if (serves.length === 0) serves.push(pick(matters).id);
    return {
      id: `k${i}`,
      matterIds: new Set(serves),
      preferredMatterIds: new Set(serves.filter(() => r() < 0.3)),
      consecutivePriorityCalls: Math.floor(r() * 5),
      // Whole minutes, so several counters often free up at the same time (ties by id).
      freeAt: new Date(NOW.getTime() + (r() < 0.5 ? 0 : Math.floor(r() * 20)) * MIN),
    };
  });
  // Small queues cover the corners; a few large ones the long drains.
  const n = r() < 0.05 ? 100 + Math.floor(r() * 150) : Math.floor(r() * 60);
  const coarse = r() < 0.5; // whole minutes: many equal wait starts within a group
  const candidates: ForecastCandidate[] = Array.from({ length: n }, (_, i) => {
    const m = pick(matters);
    const issued = new Date(NOW.getTime() - (coarse ? Math.floor(r() * 120) * MIN : Math.floor(r() * 150 * MIN)));
    const slot = r() < 0.2 ? new Date(NOW.getTime() + (Math.floor(r() * 12) - 7) * 15 * MIN) : null;
    return {
      id: `t${String(i).padStart(3, '0')}`,
      matterId: m.id,
      priority: r() < 0.2 ? 1 : 0, // elderly by ID number, disabled, military, pregnant: all priority 1
      appointmentSlot: slot ? { start: slot, end: new Date(slot.getTime() + 30 * MIN) } : null,
      issuedAt: issued,
      waitStartAt: slot && slot > issued ? slot : issued,
      // A transfer keeps the original matter's target.
      waitTargetMinutes: r() < 0.15 ? pick(matters).target : m.target,
      number: `${String.fromCharCode(65 + Math.floor(r() * 3))}${String(Math.floor(r() * 40)).padStart(3, '0')}`,
      targetCounterId: r() < 0.1 ? pick([...counters.map((k) => k.id), 'k-elsewhere']) : null,
    };
  });
  const service = new Map(matters.map((m) => [m.id, m.service]));
  return {
    now: NOW,
    candidates,
    counters,
    serviceMinutes: (id) => service.get(id)!,
    starvationGuard: pick([0, 1, 2, 3]),
    appointmentGraceMinutes: pick([0, 5, 15]),
    earlyAppointmentMinutes: pick([0, 5, 10]),
    waitCapMinutes: pick([0, 20, 30, 45, 60]),
  };
}
