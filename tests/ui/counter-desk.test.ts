/** The desk: the right command for each action, nothing sent when invalid or in flight, errors in words. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HallSnapshot } from '../../server/protocol/views';
import { createStore } from '../../ui-shared/src/store';
import { createCounterDesk } from '../../counter-ui/src/stores/counter-desk';
import { C1, C2, M_FOOD, counter, fakeSender, snapshot, ticket } from './counter-fixture';

function setup(snap: HallSnapshot, answer?: Parameters<typeof fakeSender>[0]) {
  const sender = fakeSender(answer);
  const state = createStore<HallSnapshot | null>(snap);
  let released = 0;
  const desk = createCounterDesk({
    snapshot: state,
    counterId: createStore<string | null>(C1),
    sender,
    online: createStore(true),
    onReleased: () => released++,
  });
  return { desk, sender, state, released: () => released };
}

const test = suite('counter desk');

test('call next sends ticket:call-next for this counter', async () => {
  const { desk, sender } = setup(snapshot({ tickets: [ticket()] }));
  await desk.trigger('call-next');
  assert.equal(sender.sent, [{ event: 'ticket:call-next', payload: { counterId: C1 } }]);
});

test('a second trigger while the first is in flight is dropped (double click)', async () => {
  const { desk, sender } = setup(snapshot({ tickets: [ticket()] }));
  const release = sender.hold();
  const first = desk.trigger('call-next');
  const second = desk.trigger('call-next');
  assert.ok(desk.view().actions['call-next'] === false, 'buttons disabled while in flight');
  release();
  await Promise.all([first, second]);
  assert.is(sender.sent.length, 1);
  assert.is(desk.notice.get(), null, 'no error shown for the swallowed click');
});

test('an action that is not valid now is never sent', async () => {
  const { desk, sender } = setup(snapshot({ tickets: [] }));
  await desk.trigger('call-next'); // empty queue
  await desk.trigger('recall'); // nothing called
  await desk.trigger('finish');
  await desk.trigger('call-selected');
  assert.equal(sender.sent, []);
});

test('recall, start, finish, no-show and park act on the current ticket', async () => {
  const called = ticket({ number: 'A007', status: 'called', counterId: C1 });
  const { desk, sender, state } = setup(snapshot({ tickets: [called] }));
  for (const a of ['recall', 'start', 'no-show', 'park'] as const) await desk.trigger(a);
  state.set(snapshot({ tickets: [{ ...called, status: 'serving' }] }));
  await desk.trigger('finish');
  assert.equal(
    sender.sent.map((s) => s.event),
    ['ticket:recall', 'ticket:start', 'ticket:no-show', 'ticket:park', 'ticket:finish'],
  );
  for (const s of sender.sent) assert.equal(s.payload, { counterId: C1, ticketId: called.id });
  assert.equal(desk.notice.get(), { kind: 'info', key: 'info.finished', number: 'A007' });
});

test('call a selected ticket; selecting twice clears the selection', async () => {
  const a = ticket({ number: 'A001' });
  const b = ticket({ number: 'A002' });
  const { desk, sender } = setup(snapshot({ tickets: [a, b] }));
  assert.not.ok(desk.view().actions['call-selected']);
  desk.select('waiting', b.id);
  assert.is(desk.view().selectedWaiting?.number, 'A002');
  await desk.trigger('call-selected');
  assert.equal(sender.sent[0], { event: 'ticket:call', payload: { counterId: C1, ticketId: b.id } });
  desk.select('waiting', a.id);
  desk.select('waiting', a.id);
  assert.is(desk.view().selection, null);
});

test('a selection that left the list is ignored', () => {
  const a = ticket({ number: 'A001' });
  const { desk, state } = setup(snapshot({ tickets: [a] }));
  desk.select('waiting', a.id);
  state.set(snapshot({ tickets: [{ ...a, status: 'called', counterId: C2 }] }));
  assert.is(desk.view().selectedWaiting, null);
  assert.not.ok(desk.view().actions['call-selected']);
});

test('call back and reactivate use the only held ticket, or the selected one', async () => {
  const p1 = ticket({ number: 'A003', status: 'parked', counterId: C1 });
  const m1 = ticket({ number: 'A004', status: 'no_show', counterId: C1 });
  const m2 = ticket({ number: 'A005', status: 'no_show', counterId: C1 });
  const { desk, sender } = setup(snapshot({ tickets: [p1, m1, m2] }));
  assert.is(desk.view().parkedTarget?.number, 'A003');
  assert.is(desk.view().missedTarget, null, 'two missed: choose one');
  await desk.trigger('call-back');
  desk.select('missed', m2.id);
  await desk.trigger('reactivate');
  assert.equal(sender.sent, [
    { event: 'ticket:call-back', payload: { counterId: C1, ticketId: p1.id } },
    { event: 'ticket:reactivate', payload: { ticketId: m2.id } },
  ]);
  assert.equal(desk.notice.get(), { kind: 'info', key: 'info.reactivated', number: 'A005' });
});

test('server errors become a notice; a new action clears it', async () => {
  let fail = true;
  const { desk } = setup(snapshot({ tickets: [ticket()] }), () =>
    fail ? { ok: false, error: { code: 'counter_busy', message: 'Finish, park or transfer the current ticket first' } } : { ok: true, data: {} },
  );
  await desk.trigger('call-next');
  assert.equal(desk.notice.get(), { kind: 'error', error: { code: 'counter_busy', message: 'Finish, park or transfer the current ticket first' } });
  fail = false;
  await desk.trigger('call-next');
  assert.is(desk.notice.get(), null);
});

test('transfer and pause open dialogs; F8 resumes a paused counter directly', async () => {
  const cur = ticket({ status: 'called', counterId: C1 });
  const { desk, sender, state } = setup(snapshot({ tickets: [cur] }));
  await desk.trigger('transfer');
  assert.is(desk.dialog.get(), 'transfer');
  await desk.trigger('call-next');
  assert.equal(sender.sent, [], 'nothing is triggered while a dialog is open');
  desk.closeDialog();
  state.set(snapshot({ tickets: [] }));
  await desk.trigger('pause-resume');
  assert.is(desk.dialog.get(), 'pause');
  desk.closeDialog();
  state.set(snapshot({ counters: [counter({ status: 'paused', pauseReason: '休息' })] }));
  assert.is(desk.view().pauseMode, 'resume');
  await desk.trigger('pause-resume');
  assert.equal(sender.sent, [{ event: 'counter:resume', payload: { counterId: C1 } }]);
});

test('transfer sends the target and reason, closes the dialog on success only', async () => {
  const cur = ticket({ number: 'A009', status: 'serving', counterId: C1 });
  let ok = false;
  const { desk, sender } = setup(snapshot({ tickets: [cur] }), () => (ok ? { ok: true, data: {} } : { ok: false, error: { code: 'matter_not_served', message: 'x' } }));
  await desk.trigger('transfer');
  assert.not.ok(await desk.transfer({ toMatterId: M_FOOD, toCounterId: C2, reason: '  需专业窗口办理 ' }));
  assert.is(desk.dialog.get(), 'transfer', 'stays open to show the error');
  ok = true;
  assert.ok(await desk.transfer({ toMatterId: null, toCounterId: C2, reason: '需专业窗口办理' }));
  assert.is(desk.dialog.get(), null);
  assert.equal(sender.sent[0]!.payload, { ticketId: cur.id, counterId: C1, reason: '需专业窗口办理', toMatterId: M_FOOD, toCounterId: C2 });
  assert.equal(sender.sent[1]!.payload, { ticketId: cur.id, counterId: C1, reason: '需专业窗口办理', toCounterId: C2 });
  assert.equal(desk.notice.get(), { kind: 'info', key: 'info.transferredToCounter', number: 'A009', params: { counter: 2 } }, 'the toast says where to');
});

test('pause sends the reason; release tells the app the counter is gone', async () => {
  const { desk, sender, released } = setup(snapshot());
  await desk.trigger('pause-resume');
  assert.ok(await desk.pause('会议：科室例会'));
  assert.equal(sender.sent[0], { event: 'counter:pause', payload: { counterId: C1, reason: '会议：科室例会' } });
  await desk.trigger('release');
  assert.is(desk.dialog.get(), 'release');
  assert.ok(await desk.release());
  assert.equal(sender.sent[1], { event: 'counter:release', payload: { counterId: C1 } });
  assert.is(released(), 1);
});

test('closing a dialog clears its error', async () => {
  const { desk } = setup(snapshot({ tickets: [ticket({ status: 'called', counterId: C1 })] }), () => ({ ok: false, error: { code: 'forbidden', message: 'x' } }));
  await desk.trigger('transfer');
  await desk.transfer({ toMatterId: M_FOOD, toCounterId: null, reason: 'r' });
  assert.is(desk.notice.get()?.kind, 'error');
  desk.closeDialog();
  assert.is(desk.notice.get(), null);
});

test.run();
