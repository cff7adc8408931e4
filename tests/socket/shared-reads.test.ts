/**
 * Subscribes that arrive together share one snapshot read (server/socket/shared-reads.ts), but
 * never one that started before they asked: that read may miss a fact committed before they
 * joined the room.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sharedReads } from '../../server/socket/shared-reads';

const t = suite('shared snapshot reads');

function controlledLoad() {
  const started: { key: string; finish(v: string): void; fail(e: Error): void }[] = [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => started.push({ key, finish: resolve, fail: reject }));
  return { load, started };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

t('a caller with no read running starts one at once', async () => {
  const { load, started } = controlledLoad();
  const reads = sharedReads(load);
  const p = reads.read('h1');
  assert.is(started.length, 1);
  started[0]!.finish('snap-1');
  assert.is(await p, 'snap-1');
});

t('callers during a running read share the NEXT read, started when the running one ends', async () => {
  const { load, started } = controlledLoad();
  const reads = sharedReads(load);
  const first = reads.read('h1');
  const later = Array.from({ length: 50 }, () => reads.read('h1'));
  assert.is(started.length, 1, 'the running read is not joined, and no second read runs beside it');
  started[0]!.finish('before-they-joined');
  assert.is(await first, 'before-they-joined');
  await tick();
  assert.is(started.length, 2, 'one more read for all 50');
  started[1]!.finish('after-they-joined');
  for (const v of await Promise.all(later)) assert.is(v, 'after-they-joined');
  const again = reads.read('h1');
  assert.is(started.length, 3, 'nothing running: a new read starts');
  started[2]!.finish('fresh');
  assert.is(await again, 'fresh');
});

t('halls are independent', async () => {
  const { load, started } = controlledLoad();
  const reads = sharedReads(load);
  const a = reads.read('h1');
  const b = reads.read('h2');
  assert.equal(started.map((s) => s.key), ['h1', 'h2']);
  started[1]!.finish('B');
  started[0]!.finish('A');
  assert.equal([await a, await b], ['A', 'B']);
});

t('a failed read fails its callers only; the queued read still runs', async () => {
  const { load, started } = controlledLoad();
  const reads = sharedReads(load);
  const first = reads.read('h1');
  const queued = reads.read('h1');
  started[0]!.fail(new Error('database_unavailable'));
  const err = await first.then(() => null, (e: Error) => e);
  assert.match(err?.message ?? '', /database_unavailable/);
  await tick();
  assert.is(started.length, 2);
  started[1]!.finish('ok');
  assert.is(await queued, 'ok');
});

t.run();
