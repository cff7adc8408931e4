/** Print hand-off: poll every 500 ms for up to 6 s and map the job to what the visitor reads. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import type { Lang } from '../../ui-shared/src/i18n';
import { createKioskFlow } from '../../kiosk-ui/src/stores/kiosk-flow';
import { printStateOf, watchPrint, type PrintState } from '../../kiosk-ui/src/stores/print-watch';
import { fakeApi, fakeTimers, issuedTicket, MATTERS, printJob, ZONES } from './kiosk-fakes';

const map = suite('kiosk print: status mapping');

map('absent → none; pending/printing → printing; printed; failed', () => {
  assert.is(printStateOf(undefined), 'none');
  assert.is(printStateOf(printJob('pending')), 'printing');
  assert.is(printStateOf(printJob('printing')), 'printing');
  assert.is(printStateOf(printJob('printed')), 'printed');
  assert.is(printStateOf(printJob('failed')), 'failed');
});

map('a job already finished is not polled', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const seen: PrintState[] = [];
  watchPrint(api, timers, printJob('printed'), (s) => seen.push(s));
  await timers.advance(7000);
  assert.equal(seen, ['printed']);
  assert.is(api.calls.printJob.length, 0);
});

map.run();

const poll = suite('kiosk print: polling');

poll('pending → polled every 500 ms → printed', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  let polls = 0;
  api.onPrintJob = () => ({ ok: true, data: printJob(++polls < 3 ? 'printing' : 'printed') });
  const seen: PrintState[] = [];
  watchPrint(api, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(499);
  assert.is(api.calls.printJob.length, 0);
  await timers.advance(1);
  assert.is(api.calls.printJob.length, 1);
  await timers.advance(1000);
  assert.is(api.calls.printJob.length, 3);
  assert.equal(seen, ['printing', 'printed']);
  await timers.advance(10_000);
  assert.is(api.calls.printJob.length, 3, 'no polling after the outcome');
  assert.is(timers.pending(), 0);
});

poll('failed → failed', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  api.onPrintJob = () => ({ ok: true, data: printJob('failed') });
  const seen: PrintState[] = [];
  watchPrint(api, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(500);
  assert.equal(seen, ['printing', 'failed']);
});

poll('still printing after 6 s → failed (time-out); about 12 polls, then none', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const seen: PrintState[] = [];
  watchPrint(api, timers, printJob('printing'), (s) => seen.push(s));
  await timers.advance(5999);
  assert.equal(seen, ['printing']);
  await timers.advance(1);
  assert.equal(seen, ['printing', 'failed']);
  const polls = api.calls.printJob.length;
  assert.ok(polls >= 10 && polls <= 12, `polls: ${polls}`);
  await timers.advance(5000);
  assert.is(api.calls.printJob.length, polls);
});

poll('a failed poll (network) keeps polling until the deadline', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  let n = 0;
  api.onPrintJob = () => (++n < 4 ? { ok: false, error: { code: 'internal_error', message: 'offline' } } : { ok: true, data: printJob('printed') });
  const seen: PrintState[] = [];
  watchPrint(api, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(2000);
  assert.equal(seen, ['printing', 'printed']);
});

poll.run();

const flow = suite('kiosk print: in the flow');

async function issueWith(print: ReturnType<typeof printJob> | undefined) {
  const api = fakeApi();
  const timers = fakeTimers();
  api.onIssue = () => ({ ok: true, data: issuedTicket('A001', print) });
  const f = createKioskFlow({ api, timers, lang: createStore<Lang>('zh-CN') });
  await f.start();
  f.takeTicket();
  f.chooseZone(ZONES[0]!.id);
  f.chooseMatter(MATTERS[0]!.id);
  await f.issue();
  return { api, timers, f };
}

flow('no print job → "本机未连接打印机" state, the ticket stays on screen', async () => {
  const { f } = await issueWith(undefined);
  assert.is(f.state.get().screen, 'ticket');
  assert.is(f.state.get().print, 'none');
});

flow('pending → printing → printed while the ticket is shown', async () => {
  const { api, timers, f } = await issueWith(printJob('pending'));
  api.onPrintJob = () => ({ ok: true, data: printJob('printed') });
  assert.is(f.state.get().print, 'printing');
  await timers.advance(500);
  assert.is(f.state.get().print, 'printed');
  assert.is(f.state.get().screen, 'ticket');
});

flow('time-out → failed; the ticket is still on screen', async () => {
  const { timers, f } = await issueWith(printJob('pending'));
  await timers.advance(6000);
  assert.is(f.state.get().print, 'failed');
  assert.is(f.state.get().screen, 'ticket');
  assert.is(f.state.get().issued?.ticket.number, 'A001');
});

flow('the visitor leaving stops the polling', async () => {
  const { api, timers, f } = await issueWith(printJob('pending'));
  await timers.advance(1000);
  f.endSession();
  const polls = api.calls.printJob.length;
  await timers.advance(6000);
  assert.is(api.calls.printJob.length, polls);
  assert.is(f.state.get().print, 'none');
});

flow.run();
