/** People ahead and estimated wait, forecast with the calling rule (pure). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { forecastQueue, type ForecastCandidate, type ForecastCounter } from '../../server/domain/queue-forecast';

const NOW = new Date('2026-11-23T02:00:00Z');
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000);

function t(id: string, matterId: string, waited: number, extra: Partial<ForecastCandidate> = {}): ForecastCandidate {
  return {
    id,
    matterId,
    priority: 0,
    appointmentSlot: null,
    issuedAt: ago(waited),
    waitStartAt: ago(waited),
    waitTargetMinutes: matterId.startsWith('complex') ? 30 : 10,
    number: id,
    targetCounterId: null,
    ...extra,
  };
}

function counter(id: string, matters: string[], freeInMin = 0): ForecastCounter {
  return { id, matterIds: new Set(matters), preferredMatterIds: new Set(), consecutivePriorityCalls: 0, freeAt: new Date(NOW.getTime() + freeInMin * 60_000) };
}

const minutes = (m: string) => (m.startsWith('complex') ? 30 : 10);
const base = { now: NOW, serviceMinutes: minutes, starvationGuard: 3, appointmentGraceMinutes: 15, waitCapMinutes: 60 };

const f = suite('queue forecast');

f('first in line at an idle counter: nobody ahead, no wait', () => {
  const r = forecastQueue({ ...base, ticketId: 'a', candidates: [t('a', 'general', 0)], counters: [counter('c1', ['general'])] });
  assert.equal(r, { peopleAhead: 0, estimatedWaitMinutes: 0 });
});

f('two counters drain three tickets ahead: the fourth waits one service time', () => {
  const q = [t('a', 'general', 4), t('b', 'general', 3), t('c', 'general', 2), t('d', 'general', 1)];
  const r = forecastQueue({ ...base, ticketId: 'd', candidates: q, counters: [counter('c1', ['general']), counter('c2', ['general'])] });
  assert.equal(r, { peopleAhead: 3, estimatedWaitMinutes: 10 });
});

f('other matters count when they take the same counters, in calling order (not a per-matter count)', () => {
  // A complex ticket at 28/30 min is more urgent than our general one at 1/10: it goes first at the shared counter.
  const q = [t('cx', 'complex', 28), t('me', 'general', 1)];
  const r = forecastQueue({ ...base, ticketId: 'me', candidates: q, counters: [counter('c1', ['general', 'complex'])] });
  assert.equal(r, { peopleAhead: 1, estimatedWaitMinutes: 30 });
});

f('a ticket called by a counter that cannot serve me is not ahead of me', () => {
  const q = [t('x', 'other', 9), t('me', 'general', 1)];
  const r = forecastQueue({
    ...base,
    ticketId: 'me',
    candidates: q,
    counters: [counter('c1', ['general', 'other'], 5), counter('c2', ['other'])],
  });
  assert.equal(r, { peopleAhead: 0, estimatedWaitMinutes: 5 }, 'c2 takes x; c1 is free in 5 minutes');
});

f('a busy counter is counted from when it will be free', () => {
  const r = forecastQueue({ ...base, ticketId: 'a', candidates: [t('a', 'general', 0)], counters: [counter('c1', ['general'], 7)] });
  assert.equal(r, { peopleAhead: 0, estimatedWaitMinutes: 7 });
});

f('a green-channel visitor is ahead of me even if they came later', () => {
  const q = [t('me', 'general', 5), t('old', 'general', 1, { priority: 1 })];
  const r = forecastQueue({ ...base, ticketId: 'me', candidates: q, counters: [counter('c1', ['general'])] });
  assert.equal(r, { peopleAhead: 1, estimatedWaitMinutes: 10 });
});

f('no open counter for the matter: the place in the matter’s line, no estimate', () => {
  const q = [t('a', 'general', 3), t('me', 'general', 1)];
  const r = forecastQueue({ ...base, ticketId: 'me', candidates: q, counters: [counter('c1', ['other'])] });
  assert.equal(r, { peopleAhead: 1, estimatedWaitMinutes: null });
});

f('a ticket transferred to one counter waits for that counter only', () => {
  const q = [t('a', 'general', 9), t('me', 'general', 1, { targetCounterId: 'c2' })];
  const r = forecastQueue({ ...base, ticketId: 'me', candidates: q, counters: [counter('c1', ['general']), counter('c2', ['general'], 4)] });
  assert.equal(r, { peopleAhead: 0, estimatedWaitMinutes: 4 });
});

f.run();
