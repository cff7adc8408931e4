/**
 * A forecast run kept between forecasts (ForecastRun, server/domain/queue-forecast.ts) that takes
 * in the tickets issued since (append) answers as a fresh simulation over the whole queue would:
 * the same forecast for every ticket asked, and at the end the same calls, by the same counters, at
 * the same times — on random halls (tests/_support/random-forecast-hall.ts) whose tickets arrive in
 * batches, in issuing order (mostly taken in) or in any order (an appointment, a green-channel or a
 * breached-queue newcomer the rule puts ahead: refused, and a fresh run is started) — half of
 * them over one grouping grown ticket by ticket as the server keeps it, while the run goes on.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addToIndex, groupIndex } from '../../server/domain/forecast-groups';
import { ForecastRun, forecastCalls, forecastQueues, type ForecastCandidate, type PoolKind, type SimulationInput } from '../../server/domain/queue-forecast';
import { randomHall, rng } from '../_support/random-forecast-hall';

const CASES = 1_000;
const t = suite(`a kept forecast run that takes in new tickets = a fresh one (${CASES} random halls)`);

interface Tally {
  appended: number;
  refused: number;
  /** Refusals where a fresh run's first steps differ from the kept run's: taking the tickets in would have been wrong. */
  needed: number;
  asked: number;
}

function play(seed: number, kind: 'grouped' | 'rescan', tally: Tally): void {
  const hall = randomHall(seed);
  const r = rng(seed * 7 + 1);
  // Half the halls issue in wait-start order (a kiosk's day), half in any order.
  const tickets = seed % 2 === 0 ? [...hall.candidates].sort((a, b) => a.waitStartAt.getTime() - b.waitStartAt.getTime()) : [...hall.candidates];
  const cut = Math.floor(tickets.length * (0.3 + 0.5 * r()));
  let known = tickets.slice(0, cut);
  // As the server keeps it (queue-position.ts): one grouping of the queue, grown ticket by ticket while a run over it goes on.
  const shared = kind === 'grouped' && seed % 4 < 2 ? groupIndex(known) : null;
  const input = (candidates: readonly ForecastCandidate[]): SimulationInput => ({ ...hall, candidates, ...(shared && { index: shared }) });
  let run = new ForecastRun(input(known), kind);
  // The kept run has answered someone already: it stands part-way through the queue.
  if (known.length > 0) run.forecasts([known[Math.floor(r() * known.length)]!.id]);
  for (let i = cut; i < tickets.length; ) {
    const batch = tickets.slice(i, (i += 1 + Math.floor(r() * 4)));
    const all = [...known, ...batch];
    if (shared) for (const c of batch) addToIndex(shared, c);
    if (run.append(batch)) tally.appended += batch.length;
    else {
      tally.refused++;
      const fresh = new ForecastRun(input(all), kind);
      const taken = run.steps.length;
      fresh.forecasts(batch.map((c) => c.id)); // some steps, to compare with the kept run's
      const sameStart = run.steps.every((s, j) => j >= fresh.steps.length || (fresh.steps[j]!.ticket?.id === s.ticket?.id && fresh.steps[j]!.counter.id === s.counter.id && fresh.steps[j]!.at === s.at));
      if (taken > 0 && !sameStart) tally.needed++;
      run = new ForecastRun(input(all), kind);
    }
    known = all;
    const asked = [...batch.map((c) => c.id), known[Math.floor(r() * known.length)]!.id, 'not-waiting'];
    assert.equal(run.forecasts(asked), forecastQueues({ ...hall, candidates: known }, asked, 'rescan'), `seed ${seed} after ${known.length} tickets`);
    tally.asked += asked.length;
  }
  assert.equal(run.drain(), forecastCalls({ ...hall, candidates: known }, 'rescan'), `seed ${seed}: the whole drain`);
}

t('grouped pool: every forecast and the whole drain as a fresh run over all the tickets', () => {
  const tally: Tally = { appended: 0, refused: 0, needed: 0, asked: 0 };
  for (let seed = 1; seed <= CASES; seed++) play(seed, 'grouped', tally);
  if (process.env.SHOW_COVERAGE) console.log(tally);
  assert.ok(tally.appended > 3_000, `only ${tally.appended} tickets taken in`);
  assert.ok(tally.refused > 800, `only ${tally.refused} refusals`);
  assert.ok(tally.needed > 600, `only ${tally.needed} refusals were needed`);
  assert.ok(tally.asked > 15_000, `only ${tally.asked} forecasts compared`);
});

t('rescan pool: the same', () => {
  const tally: Tally = { appended: 0, refused: 0, needed: 0, asked: 0 };
  for (let seed = 1; seed <= 300; seed++) play(seed, 'rescan', tally);
  assert.ok(tally.appended > 700 && tally.refused > 300, JSON.stringify(tally));
});

t('a pool that cannot take tickets in, or a ticket the run has already, is refused and the run unchanged', () => {
  const hall = randomHall(11);
  const plain: PoolKind = (i) => {
    const pool = new Map(i.candidates.map((c) => [c.id, c]));
    return { options: (k) => [...pool.values()].filter((c) => k.matterIds.has(c.matterId) && (c.targetCounterId === null || c.targetCounterId === k.id)), remove: (c) => void pool.delete(c.id) };
  };
  const [first, ...rest] = hall.candidates;
  assert.ok(first && rest.length > 0);
  const run = new ForecastRun({ ...hall, candidates: rest }, plain);
  assert.is(run.append([first]), false);
  const kept = new ForecastRun({ ...hall, candidates: rest });
  assert.is(kept.append([rest[0]!]), false);
  assert.is(kept.append([]), true);
  assert.equal(kept.drain(), forecastCalls({ ...hall, candidates: rest }, 'rescan'));
});

t('past 64 tickets taken in, the run asks to be started afresh (its one-ticket groups would slow every call)', () => {
  const hall = randomHall(3);
  const late = (i: number): ForecastCandidate => ({ ...hall.candidates[0]!, id: `late${i}`, issuedAt: new Date(hall.now.getTime() + i), waitStartAt: new Date(hall.now.getTime() + i), priority: 0, appointmentSlot: null, targetCounterId: null });
  const run = new ForecastRun({ ...hall, candidates: [], counters: hall.counters.map((k) => ({ ...k, freeAt: new Date(hall.now.getTime() + 3_600_000) })) });
  let taken = 0;
  while (run.append([late(taken)])) taken++;
  assert.is(taken, 64);
});

t.run();
