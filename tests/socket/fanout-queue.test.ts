/**
 * The fan-out's queries wait in order for one of the pool's connections (server/socket/postgres-fanout.ts
 * `queued`) instead of timing out in the pool's own queue: never more than `max` at once, first come
 * first served; a failed query frees its place and fails what waits behind it (the database is gone).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { queued } from '../../server/socket/postgres-fanout';

const t = suite('fan-out query queue');
const tick = () => new Promise((r) => setTimeout(r, 0));

function controlled() {
  const running: { arg: string; finish(): void; fail(e: Error): void }[] = [];
  let peak = 0;
  const run = (arg: string) =>
    new Promise<string>((resolve, reject) => {
      running.push({ arg, finish: () => resolve(arg), fail: reject });
      peak = Math.max(peak, running.length);
    }).finally(() => running.splice(running.findIndex((r) => r.arg === arg), 1));
  return { run, running, peak: () => peak };
}

t('at most max run at once; the rest start in the order they came as places free', async () => {
  const c = controlled();
  const q = queued(c.run, 2);
  const results = ['a', 'b', 'c', 'd', 'e'].map((x) => q(x));
  await tick();
  assert.equal(c.running.map((r) => r.arg), ['a', 'b']);
  c.running[0]!.finish();
  await tick();
  assert.equal(c.running.map((r) => r.arg), ['b', 'c']);
  // A newcomer while d and e wait goes behind them, even when a place frees at that moment.
  c.running[0]!.finish();
  const late = q('f');
  await tick();
  assert.equal(c.running.map((r) => r.arg), ['c', 'd']);
  for (let i = 0; i < 3; i++) {
    c.running[0]!.finish();
    await tick();
  }
  c.running[0]!.finish();
  await tick();
  assert.equal(await Promise.all([...results, late]), ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.is(c.peak(), 2);
});

t('a failed query (the database gone) fails what waits behind it at once and frees its place', async () => {
  const c = controlled();
  const q = queued(c.run, 1);
  const outcome = (p: Promise<string>) => p.then((v) => `ok ${v}`, (err: Error) => `failed ${err.message}`);
  const first = outcome(q('a'));
  const waiting = [outcome(q('b')), outcome(q('c'))];
  await tick();
  c.running[0]!.fail(new Error('connection lost'));
  assert.equal(await Promise.all([first, ...waiting]), ['failed connection lost', 'failed connection lost', 'failed connection lost']);
  assert.equal(c.running.map((r) => r.arg), [], 'the failed ones never ran');
  const after = q('d');
  await tick();
  assert.equal(c.running.map((r) => r.arg), ['d'], 'the place is free again');
  c.running[0]!.finish();
  assert.is(await after, 'd');
});

t.run();
