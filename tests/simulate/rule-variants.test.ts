/**
 * The measured rule variants (simulate/rule-variants.ts) and the clairvoyant look-ahead
 * (simulate/rollout.ts): with no option set a variant is exactly our rule, so the differences
 * docs/routing.md reports are the options'; the look-ahead never ends a day below our rule.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rankCandidates, type QueueCandidate, type RoutingContext } from '../../server/domain/routing-policy';
import { runDay } from '../../simulate/engine';
import { measured, withinTarget } from '../../simulate/metrics';
import { OURS } from '../../simulate/policies';
import { createRng } from '../../simulate/rng';
import { onlineRolloutDay, rolloutDay } from '../../simulate/rollout';
import { variantPolicy, VARIANTS } from '../../simulate/rule-variants';
import { scenario } from '../../simulate/scenario';
import { drawVisitors } from '../../simulate/visitors';

const MIN = 60_000;
const NOW = new Date('2026-11-24T02:00:00Z');

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomQueue(seed: number): { candidates: QueueCandidate[]; ctx: RoutingContext } {
  const r = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = 1 + Math.floor(r() * 25);
  const candidates = Array.from({ length: n }, (_, i): QueueCandidate => {
    const issued = new Date(NOW.getTime() - Math.floor(r() * 100) * MIN);
    const slot = r() < 0.25 ? new Date(NOW.getTime() + (Math.floor(r() * 120) - 80) * MIN) : null;
    return {
      id: `t${i}`,
      matterId: pick(['a', 'b', 'c']),
      priority: r() < 0.15 ? 1 : 0,
      appointmentSlot: slot ? { start: slot, end: new Date(slot.getTime() + 30 * MIN) } : null,
      issuedAt: issued,
      waitStartAt: slot && slot > issued ? slot : issued,
      waitTargetMinutes: pick([10, 30]),
      number: `A${String(Math.floor(r() * 50)).padStart(3, '0')}`,
    };
  });
  const ctx: RoutingContext = {
    now: NOW,
    consecutivePriorityCalls: Math.floor(r() * 4),
    starvationGuard: pick([0, 3]),
    appointmentGraceMinutes: pick([0, 15]),
    waitCapMinutes: pick([0, 45, 60]),
    preferredMatterIds: new Set(r() < 0.5 ? ['a'] : []),
  };
  return { candidates, ctx };
}

const s = suite('rule variants');
const ours = VARIANTS.find((v) => v.id === 'ours')!;
const knowledge = { expectedService: (m: string) => (m === 'c' ? 25 : 8) };

s('with no option set a variant orders exactly as rankCandidates (2,000 random queues)', () => {
  for (let seed = 1; seed <= 2_000; seed++) {
    const { candidates, ctx } = randomQueue(seed);
    const ids = (xs: readonly QueueCandidate[]) => xs.map((c) => c.id);
    assert.equal(ids(variantPolicy(ours, knowledge).rank(candidates, ctx)), ids(rankCandidates(candidates, ctx)), `seed ${seed}`);
  }
});

s('a variant with an option does order differently on some queues (the options are live)', () => {
  for (const id of ['spt', 'early5', 'cap55', 'soft55-65']) {
    const v = VARIANTS.find((x) => x.id === id)!;
    let differs = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { candidates, ctx } = randomQueue(seed);
      if (variantPolicy(v, knowledge).rank(candidates, ctx)[0] !== rankCandidates(candidates, ctx)[0]) differs++;
    }
    assert.ok(differs > 0, id);
  }
});

const day = scenario('demo', 0.85);
const visitors = drawVisitors(day, createRng(20261124).fork('day:0'));
const onTime = (d: ReturnType<typeof runDay>) => d.tickets.filter(measured).filter(withinTarget).length;

s('on a simulated day the plain variant makes the same calls as our rule', () => {
  const means = new Map(day.matters.map((m) => [m.id, m.serviceMean]));
  const a = runDay(day, visitors, OURS);
  const b = runDay(day, visitors, variantPolicy(ours, { expectedService: (m) => means.get(m)! }));
  assert.equal(b.tickets.map((t) => [t.candidate.id, t.calledAt, t.counterId]), a.tickets.map((t) => [t.candidate.id, t.calledAt, t.counterId]));
});

s('the clairvoyant look-ahead serves everyone and ends the day with at least as many visitors within target as our rule', () => {
  const base = runDay(day, visitors, OURS);
  const ahead = rolloutDay(day, visitors, OURS, 2);
  assert.is(ahead.unserved, 0);
  assert.is(ahead.tickets.length, base.tickets.length);
  assert.ok(onTime(ahead) >= onTime(base), `${onTime(ahead)} < ${onTime(base)}`);
});

s('the online look-ahead replays the past exactly (every forced call is a candidate) and serves everyone', () => {
  const means = new Map(day.matters.map((m) => [m.id, m.serviceMean + day.walkUpMinutes]));
  const base = runDay(day, visitors, OURS);
  const online = onlineRolloutDay(day, visitors, OURS, (m) => means.get(m)!, 2);
  assert.is(online.unserved, 0);
  assert.is(online.tickets.length, base.tickets.length);
  assert.ok(online.tickets.every((t) => t.calledAt !== null));
});

s.run();
