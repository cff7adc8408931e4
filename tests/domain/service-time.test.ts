/** Expected handling minutes for the wait estimate: today's mean, bounded below by the hall's handling times (pure). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { expectedServiceMinutes, serviceMinutesFloor } from '../../server/domain/service-time';
import { forecastQueue, type ForecastCandidate, type ForecastCounter } from '../../server/domain/queue-forecast';

const s = suite('service time');

s("today's matter mean is used once it has three samples", () => {
  assert.is(expectedServiceMinutes({ todayMatter: [6, 7, 8], todayComplexity: [], historyMinutes: 8, defaultMinutes: 8 }), 7);
});

s('with fewer than three of the matter, the complexity mean; with fewer of that, the hall history', () => {
  assert.is(expectedServiceMinutes({ todayMatter: [30, 30], todayComplexity: [9, 10, 11], historyMinutes: 8, defaultMinutes: 8 }), 10);
  assert.is(expectedServiceMinutes({ todayMatter: [30], todayComplexity: [9, 10], historyMinutes: 12, defaultMinutes: 8 }), 12);
  assert.is(expectedServiceMinutes({ todayMatter: [], todayComplexity: [], historyMinutes: null, defaultMinutes: 20 }), 20);
});

s('a run of very quick services today is floored at half the hall history', () => {
  const quick = [0.05, 0.1, 0.02, 0.08];
  assert.is(expectedServiceMinutes({ todayMatter: quick, todayComplexity: quick, historyMinutes: 9, defaultMinutes: 8 }), 4.5);
});

s('without history the floor is half the default, and never under one minute', () => {
  assert.is(serviceMinutesFloor({ historyMinutes: null, defaultMinutes: 8 }), 4);
  assert.is(serviceMinutesFloor({ historyMinutes: 1, defaultMinutes: 8 }), 1);
  assert.is(serviceMinutesFloor({ historyMinutes: 0, defaultMinutes: 20 }), 10, 'a zero or broken history is no history');
  assert.is(serviceMinutesFloor({ historyMinutes: Number.NaN, defaultMinutes: 20 }), 10);
  assert.is(expectedServiceMinutes({ todayMatter: [0.01, 0.01, 0.01], todayComplexity: [], historyMinutes: 1.2, defaultMinutes: 8 }), 1);
});

s('a slow day is not floored: the estimate follows the day upwards', () => {
  assert.is(expectedServiceMinutes({ todayMatter: [25, 30, 35], todayComplexity: [], historyMinutes: 8, defaultMinutes: 8 }), 30);
});

s('the issue case: 8 people ahead at one counter after quick services today is not "about 1 minute"', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const q: ForecastCandidate[] = Array.from({ length: 9 }, (_, i) => ({
    id: `t${i}`,
    matterId: 'general',
    priority: 0,
    appointmentSlot: null,
    issuedAt: new Date(now.getTime() - (20 - i) * 60_000),
    waitStartAt: new Date(now.getTime() - (20 - i) * 60_000),
    waitTargetMinutes: 60,
    number: `A00${i}`,
    targetCounterId: null,
  }));
  const counter: ForecastCounter = { id: 'c1', matterIds: new Set(['general']), preferredMatterIds: new Set(), consecutivePriorityCalls: 0, freeAt: now };
  const quick = [0.05, 0.1, 0.05];
  const minutes = expectedServiceMinutes({ todayMatter: quick, todayComplexity: quick, historyMinutes: null, defaultMinutes: 8 });
  const r = forecastQueue({ now, ticketId: 't8', candidates: q, counters: [counter], serviceMinutes: () => minutes, starvationGuard: 3, appointmentGraceMinutes: 15, waitCapMinutes: 60 });
  assert.is(r.peopleAhead, 8);
  assert.is(r.estimatedWaitMinutes, 32, '8 × the 4-minute floor');
});

s.run();
