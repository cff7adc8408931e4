/** Properties of the calling rule on random queues: what must hold whatever the queue looks like. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  deadlineOf,
  inAppointmentWindow,
  pastWaitCap,
  rankCandidates,
  starvationGuardTripped,
  type QueueCandidate,
  type RoutingContext,
} from '../../server/domain/routing-policy';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const NOW = new Date('2026-11-23T03:00:00Z');

function randomQueue(seed: number): { candidates: QueueCandidate[]; ctx: RoutingContext } {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 40);
  const candidates: QueueCandidate[] = Array.from({ length: n }, (_, i) => {
    const issued = new Date(NOW.getTime() - Math.floor(r() * 120 * 60) * 1000);
    const slot = r() < 0.2 ? new Date(NOW.getTime() + (Math.floor(r() * 8) - 6) * 15 * 60_000) : null;
    return {
      id: `t${i}`,
      matterId: `m${Math.floor(r() * 4)}`,
      priority: r() < 0.15 ? 1 : 0,
      appointmentSlot: slot ? { start: slot, end: new Date(slot.getTime() + 30 * 60_000) } : null,
      issuedAt: issued,
      waitStartAt: slot && slot > issued ? slot : issued,
      waitTargetMinutes: r() < 0.35 ? 30 : 10,
      number: `A${String(i).padStart(3, '0')}`,
    };
  });
  const ctx: RoutingContext = {
    now: NOW,
    consecutivePriorityCalls: Math.floor(r() * 5),
    starvationGuard: 3,
    appointmentGraceMinutes: 15,
    waitCapMinutes: [0, 45, 60][Math.floor(r() * 3)]!,
    preferredMatterIds: new Set(r() < 0.5 ? ['m0'] : []),
  };
  return { candidates, ctx };
}

const SEEDS = 400;
const p = suite('routing properties (400 random queues)');

p('the ranking is a permutation, and does not depend on the order the queue is read in', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { candidates, ctx } = randomQueue(seed);
    const ranked = rankCandidates(candidates, ctx).map((c) => c.id);
    assert.equal([...ranked].sort(), candidates.map((c) => c.id).sort(), `seed ${seed}`);
    assert.equal(rankCandidates([...candidates].reverse(), ctx).map((c) => c.id), ranked, `seed ${seed}`);
  }
});

p('among the walk-ins (no green channel, no appointment in its window), every ticket past the hall cap comes before every ticket that is not, longest wait first', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { candidates: all, ctx } = randomQueue(seed);
    const candidates = all.filter((c) => c.priority === 0 && !inAppointmentWindow(c, NOW, 15));
    const ranked = rankCandidates(candidates, ctx);
    const flags = ranked.map((c) => pastWaitCap(c, NOW, ctx.waitCapMinutes));
    const firstNot = flags.indexOf(false);
    assert.ok(firstNot === -1 || flags.slice(firstNot).every((f) => !f), `seed ${seed}`);
    const capped = ranked.filter((_, i) => flags[i]);
    for (let i = 1; i < capped.length; i++) assert.ok(capped[i - 1]!.waitStartAt <= capped[i]!.waitStartAt, `seed ${seed}`);
    if (ctx.waitCapMinutes === 0) assert.not.ok(flags.some(Boolean));
  }
});

p('without the guard: green channel first, then appointments in their window, then walk-ins past the cap, then the rest', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { candidates, ctx } = randomQueue(seed);
    const guard = candidates.some((c) => c.priority === 0) && starvationGuardTripped(ctx);
    if (guard) continue;
    const cls = (c: QueueCandidate) => (c.priority > 0 ? 0 : inAppointmentWindow(c, NOW, 15) ? 1 : pastWaitCap(c, NOW, ctx.waitCapMinutes) ? 2 : 3);
    const order = rankCandidates(candidates, ctx).map(cls);
    assert.equal(order, [...order].sort(), `seed ${seed}`);
  }
});

p('within a class, no breached ticket is ranked before a still-makeable one; each part by deadline (± the preferred bonus)', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { candidates, ctx } = randomQueue(seed);
    const walkIns = candidates.filter((c) => c.priority === 0 && !pastWaitCap(c, NOW, ctx.waitCapMinutes) && !inAppointmentWindow(c, NOW, 15));
    const ranked = rankCandidates(walkIns, { ...ctx, consecutivePriorityCalls: 0 });
    const breached = ranked.map((c) => deadlineOf(c) < NOW);
    const first = breached.indexOf(true);
    assert.ok(first === -1 || breached.slice(first).every(Boolean), `seed ${seed}: a breached ticket before a makeable one`);
    const key = (c: QueueCandidate) => deadlineOf(c).getTime() - (ctx.preferredMatterIds.has(c.matterId) ? 0.25 * c.waitTargetMinutes * 60_000 : 0);
    for (let i = 1; i < ranked.length; i++) {
      if (breached[i] !== breached[i - 1]) continue;
      assert.ok(key(ranked[i - 1]!) <= key(ranked[i]!), `seed ${seed}: not by deadline`);
    }
  }
});

p('a tripped guard gives the next call to the oldest normal ticket', () => {
  let tripped = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { candidates, ctx } = randomQueue(seed);
    const c = { ...ctx, consecutivePriorityCalls: 3 };
    const normal = candidates.filter((x) => x.priority === 0);
    if (normal.length === 0) continue;
    tripped++;
    const oldest = [...normal].sort((a, b) => a.waitStartAt.getTime() - b.waitStartAt.getTime() || a.issuedAt.getTime() - b.issuedAt.getTime() || a.number.localeCompare(b.number))[0]!;
    assert.is(rankCandidates(candidates, c)[0]!.id, oldest.id, `seed ${seed}`);
  }
  assert.ok(tripped > 50, 'the property was exercised');
});

p.run();
