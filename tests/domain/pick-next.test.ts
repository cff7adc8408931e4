/** pickNext is exactly the first of rankCandidates, on random queues and contexts. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pickNext, rankCandidates, type QueueCandidate } from '../../server/domain/routing-policy';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const t = suite('pickNext');

t('equals rankCandidates(...)[0] on 500 random queues', () => {
  const now = new Date('2026-11-23T03:00:00Z');
  for (let seed = 1; seed <= 500; seed++) {
    const r = rng(seed);
    const n = 1 + Math.floor(r() * 60);
    const candidates: QueueCandidate[] = Array.from({ length: n }, (_, i) => {
      const issued = new Date(now.getTime() - Math.floor(r() * 90) * 60_000);
      const slot = r() < 0.2 ? new Date(now.getTime() + (Math.floor(r() * 6) - 4) * 15 * 60_000) : null;
      return {
        id: `t${i}`,
        matterId: `m${Math.floor(r() * 4)}`,
        priority: r() < 0.2 ? 1 : 0,
        appointmentSlot: slot ? { start: slot, end: new Date(slot.getTime() + 30 * 60_000) } : null,
        issuedAt: issued,
        waitStartAt: slot && slot > issued ? slot : issued,
        waitTargetMinutes: r() < 0.3 ? 30 : 10,
        number: `A${String(i).padStart(3, '0')}`,
      };
    });
    const ctx = {
      now,
      consecutivePriorityCalls: Math.floor(r() * 5),
      starvationGuard: 3,
      appointmentGraceMinutes: 15,
      waitCapMinutes: r() < 0.5 ? 60 : 0,
      preferredMatterIds: new Set(r() < 0.5 ? ['m0'] : []),
    };
    assert.is(pickNext(candidates, ctx)?.id, rankCandidates(candidates, ctx)[0]?.id, `seed ${seed}`);
  }
  assert.is(pickNext([], { now, consecutivePriorityCalls: 0, starvationGuard: 3, appointmentGraceMinutes: 15, waitCapMinutes: 60, preferredMatterIds: new Set() }), undefined);
});

t.run();
