/** Simulation smoke test with a fixed seed: repeatable, drives the real state machine, ours ≥ FCFS. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runDay } from '../../simulate/engine';
import { simulate } from '../../simulate/main';
import { FCFS, OURS, STRICT } from '../../simulate/policies';
import { createRng } from '../../simulate/rng';
import { compare } from '../../simulate/run';
import { scenario } from '../../simulate/scenario';
import { drawVisitors } from '../../simulate/visitors';

const SEED = 20261124;
const s = suite('simulation');

s('the same seed gives the same day; another seed another day', () => {
  const a = drawVisitors(scenario('normal'), createRng(SEED).fork('day:0'));
  const b = drawVisitors(scenario('normal'), createRng(SEED).fork('day:0'));
  const c = drawVisitors(scenario('normal'), createRng(SEED + 1).fork('day:0'));
  assert.equal(a, b);
  assert.not.equal(a.map((v) => v.arrival), c.map((v) => v.arrival));
  assert.equal(compare(scenario('normal'), SEED, 2), compare(scenario('normal'), SEED, 2));
});

s('every visitor goes through the real ticket state machine to done, under every policy', () => {
  const sc = scenario('hard');
  const visitors = drawVisitors(sc, createRng(SEED).fork('day:0'));
  for (const policy of [FCFS, STRICT, OURS]) {
    const day = runDay(sc, visitors, policy);
    assert.is(day.unserved, 0, policy.label);
    assert.is(day.tickets.length, visitors.length);
    assert.ok(day.tickets.every((t) => t.state.status === 'done' && t.state.firstCalledAt !== null && t.state.finishedAt !== null), policy.label);
    const busy = day.counters.reduce((a, c) => a + c.busyMinutes, 0);
    const work = visitors.reduce((a, v) => a + v.serviceMinutes + sc.walkUpMinutes, 0);
    assert.ok(Math.abs(busy - work) < 1e-6, 'the same work is done whatever the order');
  }
});

s('ours ≥ FCFS on share within target, in the normal and the hard (≥ 90 % busy) scenario', () => {
  for (const name of ['normal', 'hard'] as const) {
    const [fcfs, , ours] = compare(scenario(name), SEED, 4);
    assert.ok(ours!.stats.withinAll >= fcfs!.stats.withinAll, `${name}: ours ${ours!.stats.withinAll} < FCFS ${fcfs!.stats.withinAll}`);
    assert.ok(ours!.stats.withinAppointment > fcfs!.stats.withinAppointment, `${name}: appointments`);
    if (name === 'hard') assert.ok(ours!.stats.utilisation >= 0.9, `hard utilisation ${ours!.stats.utilisation}`);
    else assert.ok(ours!.stats.utilisation < 0.8);
  }
});

s('npm run simulate prints a table per scenario', () => {
  const lines: string[] = [];
  simulate({ seed: SEED, days: 1, scenarios: ['normal'], sweep: false }, (l) => lines.push(l));
  const text = lines.join('\n');
  assert.match(text, /Scenario "normal"/);
  for (const label of ['FCFS per matter', 'strict priority', 'ours (urgency)']) assert.match(text, label);
  assert.match(text, /general≤10 +complex≤30/);
});

s.run();
