/** F5 过号 guard: within a minute of the call it asks first; a second press within 8 s confirms. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HallSnapshot } from '../../server/protocol/views';
import { createStore } from '../../ui-shared/src/store';
import { createCounterDesk } from '../../counter-ui/src/stores/counter-desk';
import { CONFIRM_WINDOW_MS, decideNoShow, NO_SHOW_MIN_SECONDS } from '../../counter-ui/src/stores/no-show-guard';
import { C1, fakeSender, snapshot, ticket } from './counter-fixture';

const T0 = Date.parse('2026-12-01T02:00:00Z');
const g = suite('no-show guard');

g('one second after the call: ask, do not send', () => {
  const d = decideNoShow({ id: 't', calledAt: new Date(T0).toISOString() }, T0 + 1_000, null);
  assert.is(d.kind, 'ask');
  if (d.kind === 'ask') {
    assert.is(d.secondsSinceCall, 1);
    assert.equal(d.armed, { ticketId: 't', until: T0 + 1_000 + CONFIRM_WINDOW_MS });
  }
});

g('the second press within the window sends; after it, or for another ticket, asks again', () => {
  const called = new Date(T0).toISOString();
  const armed = { ticketId: 't', until: T0 + 9_000 };
  assert.is(decideNoShow({ id: 't', calledAt: called }, T0 + 5_000, armed).kind, 'send');
  assert.is(decideNoShow({ id: 't', calledAt: called }, T0 + 9_001, armed).kind, 'ask');
  assert.is(decideNoShow({ id: 'other', calledAt: called }, T0 + 5_000, armed).kind, 'ask');
});

g(`from ${NO_SHOW_MIN_SECONDS} s after the call F5 acts at once`, () => {
  const called = new Date(T0).toISOString();
  assert.is(decideNoShow({ id: 't', calledAt: called }, T0 + NO_SHOW_MIN_SECONDS * 1000 - 1, null).kind, 'ask');
  assert.is(decideNoShow({ id: 't', calledAt: called }, T0 + NO_SHOW_MIN_SECONDS * 1000, null).kind, 'send');
});

g('on the desk: the first F5 shows the question, the second marks the no-show', async () => {
  let now = T0 + 1_000;
  const called = ticket({ number: 'A007', status: 'called', counterId: C1, calledAt: new Date(T0).toISOString() });
  const sender = fakeSender();
  const desk = createCounterDesk({
    snapshot: createStore<HallSnapshot | null>(snapshot({ tickets: [called] })),
    counterId: createStore<string | null>(C1),
    sender,
    online: createStore(true),
    onReleased: () => {},
    now: () => now,
  });
  await desk.trigger('no-show');
  assert.equal(sender.sent, []);
  assert.equal(desk.notice.get(), { kind: 'info', key: 'info.noShowConfirm', number: 'A007', params: { seconds: 1, key: 'F5' } });
  now += 2_000;
  await desk.trigger('no-show');
  assert.equal(sender.sent.map((s) => s.event), ['ticket:no-show']);
});

g.run();
