/** The desk's staff tools store (代取号, 补打, 今日预约) over a fake request. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStaffTools } from '../../counter-ui/src/stores/staff-tools';

type Call = { method: string; path: string; body: any };

function setup(answer: (c: Call) => any) {
  const calls: Call[] = [];
  let n = 0;
  const tools = createStaffTools({
    request: (async (method: string, path: string, body?: unknown) => {
      const c = { method, path, body: body as any };
      calls.push(c);
      return answer(c);
    }) as never,
    token: () => 'tok',
    hallId: () => 'hall-1',
    serviceDate: () => '2026-12-01',
    newCommandId: () => `cmd-${++n}`,
  });
  return { tools, calls };
}

const issued = { ticket: { id: 't1', number: 'A001', matterName: '企业设立登记' }, peopleAhead: 2, estimatedWaitMinutes: 8, token: 'x', hallName: 'h' };
const s = suite('counter staff tools');

s('代取号 sends a staff ticket without identity number; submitting again replays the same command', async () => {
  const { tools, calls } = setup(() => ({ ok: true, data: issued }));
  tools.open('issue');
  assert.ok(await tools.issue('m1', 'pregnant'));
  assert.ok(await tools.issue('m1', 'pregnant'));
  assert.is(calls.length, 2);
  assert.is(calls[0]!.method, 'POST');
  assert.is(calls[0]!.path, '/api/halls/hall-1/tickets');
  assert.equal(calls[0]!.body, { commandId: 'cmd-1', matterId: 'm1', source: 'staff', greenChannel: 'pregnant' });
  assert.is(calls[1]!.body.commandId, 'cmd-1', 'same command: the server replays the same ticket');
  assert.is(tools.result.get()?.kind, 'issued');
  tools.close();
  tools.open('issue');
  await tools.issue('m1', null);
  assert.is(calls[2]!.body.commandId, 'cmd-2', 'a new dialog is a new visitor');
  assert.not.ok('greenChannel' in calls[2]!.body);
});

s('no matter chosen: nothing sent, a message', async () => {
  const { tools, calls } = setup(() => ({ ok: true, data: issued }));
  tools.open('issue');
  assert.not.ok(await tools.issue('', null));
  assert.is(calls.length, 0);
  assert.is(tools.error.get()?.message, 'matter_required');
});

s('补打: an error is kept for the dialog and clears the last success', async () => {
  let fail = false;
  const { tools, calls } = setup(() => (fail ? { ok: false, error: { code: 'no_printer', message: 'not printed at a kiosk' } } : { ok: true, data: { id: 'j1' } }));
  tools.open('reprint');
  assert.ok(await tools.reprint({ id: 't1', number: 'A001' }));
  assert.is(calls[0]!.path, '/api/tickets/t1/reprint');
  assert.is(tools.result.get()?.kind, 'reprinted');
  fail = true;
  assert.not.ok(await tools.reprint({ id: 't2', number: 'A002' }));
  assert.is(tools.error.get()?.code, 'no_printer');
  assert.is(tools.result.get(), null, 'the earlier success is no longer shown');
  assert.is.not(calls[1]!.body.commandId, calls[0]!.body.commandId, 'another ticket, another command');
});

s('补打 after a print that may have come out: held back, a warning, then only an explicit confirmation reprints', async () => {
  const { tools, calls } = setup((c) =>
    c.body.confirmMayHavePrinted ? { ok: true, data: { id: 'j2' } } : { ok: false, error: { code: 'reprint_unconfirmed', message: 'the last print may have printed' } },
  );
  tools.open('reprint');
  assert.not.ok(await tools.reprint({ id: 't1', number: 'A001' }));
  assert.is(tools.confirmReprint.get(), 't1', 'the dialog asks for the confirmation');
  assert.is(tools.error.get(), null, 'a question, not an error');
  assert.is(tools.result.get(), null, 'nothing reprinted');
  assert.not.ok('confirmMayHavePrinted' in calls[0]!.body);
  assert.ok(await tools.reprint({ id: 't1', number: 'A001' }, true));
  assert.is(calls[1]!.body.confirmMayHavePrinted, true);
  assert.is.not(calls[1]!.body.commandId, calls[0]!.body.commandId, 'the confirmed reprint is a new command');
  assert.is(tools.confirmReprint.get(), null);
  assert.is(tools.result.get()?.kind, 'reprinted');
  // Closing the dialog forgets the question.
  assert.not.ok(await tools.reprint({ id: 't3', number: 'A003' }));
  assert.is(tools.confirmReprint.get(), 't3');
  tools.close();
  assert.is(tools.confirmReprint.get(), null);
});

s("今日预约: today's appointments of the hall, by slot", async () => {
  const list = [
    { code: 'B', slotStart: '2026-12-01T02:00:00Z' },
    { code: 'A', slotStart: '2026-12-01T01:00:00Z' },
  ];
  const { tools, calls } = setup(() => ({ ok: true, data: list }));
  tools.open('appointments');
  await new Promise((r) => setTimeout(r, 0));
  assert.is(calls[0]!.method, 'GET');
  assert.match(calls[0]!.path, '/api/halls/hall-1/appointments?date=2026-12-01');
  assert.equal(tools.appointments.get()?.map((a) => a.code), ['A', 'B']);
});

s('我的评价: the caller’s own ratings; 申诉 needs a note, is sent once per note and reloads the list', async () => {
  const own = [{ id: 'e1', level: 1, badReview: { id: 'r1', state: 'pending_contact', actions: ['appeal'], steps: [] } }];
  const { tools, calls } = setup((c) => (c.method === 'GET' ? { ok: true, data: own } : { ok: true, data: { id: 'r1', state: 'appealing' } }));
  tools.open('evaluations');
  await new Promise((r) => setTimeout(r, 0));
  assert.is(calls[0]!.path, '/api/evaluation/mine');
  assert.is(tools.evaluations.get()?.[0]?.id, 'e1');
  assert.not.ok(await tools.appeal('r1', '   '), 'a blank note is refused');
  assert.is(tools.error.get()?.message, 'appeal_note_required');
  assert.is(calls.length, 1, 'nothing sent');
  assert.ok(await tools.appeal('r1', '有录像为证'));
  assert.is(calls[1]!.method, 'POST');
  assert.is(calls[1]!.path, '/api/bad-reviews/r1/steps');
  assert.equal(calls[1]!.body, { commandId: 'cmd-1', action: 'appeal', note: '有录像为证' });
  assert.is(calls[2]!.path, '/api/evaluation/mine', 'the list is read again');
  assert.is(tools.result.get()?.kind, 'appealed');
});

s.run();
