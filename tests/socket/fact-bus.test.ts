/**
 * The fact bus (server/socket/fact-bus.ts): committed facts cross to the other nodes in the order
 * they were published, several per NOTIFY while one is in flight, split under the NOTIFY limit,
 * the too-large ones as attachments read in their place; a node ignores its own; a failed NOTIFY
 * drops what waits. Two buses wired to one in-memory "database" stand for two nodes.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createFactBus, packDeliveries, type Delivery } from '../../server/socket/fact-bus';

const t = suite('fact bus');
const tick = () => new Promise((r) => setTimeout(r, 0));

function cluster(limit = 7900) {
  const notified: string[] = [];
  const attachments = new Map<string, string>();
  const inFlight: { finish(): void; fail(e: Error): void }[] = [];
  let manual = false;
  const got: { a: Delivery[]; b: Delivery[] } = { a: [], b: [] };
  const logs: string[] = [];
  const nodes: Record<string, ReturnType<typeof createFactBus>> = {};
  const db = {
    notify: (payload: string) =>
      new Promise<void>((resolve, reject) => {
        const deliver = () => {
          notified.push(payload);
          for (const n of Object.values(nodes)) n.receive(payload);
          resolve();
        };
        if (!manual) return deliver();
        inFlight.push({ finish: deliver, fail: reject });
      }),
    attach: async (payload: string) => {
      const id = String(attachments.size + 1);
      attachments.set(id, payload);
      return id;
    },
    attachment: async (id: string) => {
      await tick();
      return attachments.get(id) ?? null;
    },
  };
  for (const name of ['a', 'b']) {
    nodes[name] = createFactBus(name, { emitLocal: (rooms, event, payload) => got[name as "a" | "b"].push([rooms, event, payload]) }, db, (m) => logs.push(m), limit);
  }
  return { nodes, got, notified, attachments, inFlight, logs, hold: () => (manual = true) };
}

const d = (seq: number, extra = ''): Delivery => [['hall:h:public'], 'public:fact', { seq, extra }];

t('deliveries reach the other node in order, never its sender, one NOTIFY when nothing waits', async () => {
  const c = cluster();
  c.nodes.a!.send([d(1), d(2)]);
  await tick();
  assert.equal(c.got.b, [d(1), d(2)]);
  assert.equal(c.got.a, [], 'the sender emitted locally itself; its own NOTIFY is ignored');
  assert.is(c.notified.length, 1);
});

t('while a NOTIFY is in flight, later publishes wait and go out together, in order', async () => {
  const c = cluster();
  c.hold();
  c.nodes.a!.send([d(1)]);
  c.nodes.a!.send([d(2)]);
  c.nodes.a!.send([d(3), d(4)]);
  await tick();
  assert.is(c.inFlight.length, 1, 'one NOTIFY at a time');
  c.inFlight.shift()!.finish();
  await tick();
  assert.is(c.inFlight.length, 1, 'the three waiting publishes in one NOTIFY');
  c.inFlight.shift()!.finish();
  await tick();
  assert.equal(c.got.b.map((x) => (x[2] as { seq: number }).seq), [1, 2, 3, 4]);
  assert.is(c.notified.length, 2);
  assert.ok(c.nodes.a!.idle());
});

t('a batch over the limit is split; a delivery too large alone goes as an attachment, in its place', async () => {
  const c = cluster(300);
  const big = d(3, 'x'.repeat(400));
  c.nodes.a!.send([d(1, 'y'.repeat(100)), d(2, 'y'.repeat(100)), big, d(4)]);
  for (let i = 0; i < 5; i++) await tick();
  assert.equal(c.got.b.map((x) => (x[2] as { seq: number }).seq), [1, 2, 3, 4]);
  assert.equal(c.got.b[2], big);
  assert.is(c.attachments.size, 1);
  for (const p of c.notified) assert.ok(Buffer.byteLength(p) <= 300, `payload of ${Buffer.byteLength(p)} bytes`);
  assert.ok(c.notified.length >= 3, 'the first two do not fit together');
});

t('packDeliveries counts bytes, not characters (Chinese text is 3 bytes a character)', () => {
  const zh = JSON.stringify(d(1, '综合窗口'.repeat(20)));
  const { payloads } = packDeliveries('n', [zh, zh], Buffer.byteLength(zh) * 2 - 10);
  assert.is(payloads.length, 2);
  for (const p of payloads) assert.ok(p !== null && JSON.parse(p.slice(2)).length === 1);
});

t('a failed NOTIFY drops what waits, logs once, and the bus works again afterwards', async () => {
  const c = cluster();
  c.hold();
  c.nodes.a!.send([d(1)]);
  c.nodes.a!.send([d(2)]);
  await tick();
  c.inFlight.shift()!.fail(new Error('connection lost'));
  await tick();
  assert.is(c.inFlight.length, 0, 'what waited behind the failure is not sent');
  assert.is(c.logs.filter((l) => l.includes('NOTIFY failed')).length, 1);
  c.nodes.a!.send([d(3)]);
  await tick();
  c.inFlight.shift()!.finish();
  await tick();
  assert.equal(c.got.b.map((x) => (x[2] as { seq: number }).seq), [3]);
  assert.ok(c.logs.some((l) => l.includes('works again')));
});

t('a foreign or malformed payload is logged, not thrown', () => {
  const c = cluster();
  c.nodes.b!.receive('x not-json');
  c.nodes.b!.receive('no-space');
  c.nodes.b!.receive('x {broken');
  assert.equal(c.got.b, []);
  assert.is(c.logs.filter((l) => l.includes('could not be read')).length, 2);
});

t.run();
