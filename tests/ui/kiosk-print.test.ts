/** Print hand-off: the pushed job change (not polling) for up to 6 s, mapped to what the visitor reads. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import type { Lang } from '../../ui-shared/src/i18n';
import { createKioskFlow } from '../../kiosk-ui/src/stores/kiosk-flow';
import type { PrintJobView } from '../../server/protocol/views';
import { printStateOf, watchPrint, type PrintFeed, type PrintState } from '../../kiosk-ui/src/stores/print-watch';
import { fakeApi, fakeTimers, issuedTicket, MATTERS, printJob, ZONES } from './kiosk-fakes';

const map = suite('kiosk print: status mapping');

map('absent → none; pending/printing → printing; printed; failed', () => {
  assert.is(printStateOf(undefined), 'none');
  assert.is(printStateOf(printJob('pending')), 'printing');
  assert.is(printStateOf(printJob('printing')), 'printing');
  assert.is(printStateOf(printJob('printed')), 'printed');
  assert.is(printStateOf(printJob('failed')), 'failed');
});

map('a job already finished is not read', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const seen: PrintState[] = [];
  watchPrint(api, null, timers, printJob('printed'), (s) => seen.push(s));
  await timers.advance(7000);
  assert.equal(seen, ['printed']);
  assert.is(api.calls.printJob.length, 0);
});

map.run();

/** A feed the test pushes into, like the kiosk's socket ('kiosk:print'). */
function fakeFeed() {
  const listeners = new Set<(job: PrintJobView) => void>();
  return {
    feed: { subscribe: (l: (job: PrintJobView) => void) => (listeners.add(l), () => void listeners.delete(l)) } satisfies PrintFeed,
    push: (job: PrintJobView) => [...listeners].forEach((l) => l(job)),
    listeners,
  };
}

const push = suite('kiosk print: pushed, not polled');

push('pending → the pushed "printed" → printed; one read at the start, no polling', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const { feed, push: send, listeners } = fakeFeed();
  const seen: PrintState[] = [];
  watchPrint(api, feed, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(0);
  assert.is(api.calls.printJob.length, 1, 'one read when watching starts');
  await timers.advance(2000);
  assert.is(api.calls.printJob.length, 1, 'no 500 ms polling');
  send(printJob('printing'));
  assert.equal(seen, ['printing']);
  send(printJob('printed'));
  assert.equal(seen, ['printing', 'printed']);
  assert.is(listeners.size, 0, 'stops listening after the outcome');
  await timers.advance(10_000);
  assert.is(api.calls.printJob.length, 1);
  assert.is(timers.pending(), 0);
});

push("another kiosk job's push is ignored", async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const { feed, push: send } = fakeFeed();
  const seen: PrintState[] = [];
  watchPrint(api, feed, timers, printJob('pending'), (s) => seen.push(s));
  send({ ...printJob('printed'), id: 'another-job' });
  assert.equal(seen, ['printing']);
});

push('the pushed "failed" → failed', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const { feed, push: send } = fakeFeed();
  const seen: PrintState[] = [];
  watchPrint(api, feed, timers, printJob('pending'), (s) => seen.push(s));
  send(printJob('failed'));
  assert.equal(seen, ['printing', 'failed']);
});

push('printed before the kiosk listened: the first read tells', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  api.onPrintJob = () => ({ ok: true, data: printJob('printed') });
  const seen: PrintState[] = [];
  watchPrint(api, fakeFeed().feed, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(0);
  assert.equal(seen, ['printing', 'printed']);
});

push('a push lost (reconnect): the read at 5 s finds the outcome', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const seen: PrintState[] = [];
  watchPrint(api, fakeFeed().feed, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(4999);
  assert.is(api.calls.printJob.length, 1);
  api.onPrintJob = () => ({ ok: true, data: printJob('printed') });
  await timers.advance(1);
  assert.is(api.calls.printJob.length, 2);
  assert.equal(seen, ['printing', 'printed']);
});

push('still printing after 6 s → failed (time-out), after two reads in all', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const seen: PrintState[] = [];
  watchPrint(api, fakeFeed().feed, timers, printJob('printing'), (s) => seen.push(s));
  await timers.advance(5999);
  assert.equal(seen, ['printing']);
  await timers.advance(1);
  assert.equal(seen, ['printing', 'failed']);
  assert.is(api.calls.printJob.length, 2);
  await timers.advance(5000);
  assert.is(api.calls.printJob.length, 2);
});

push('a failed read (network) is not a failed print', async () => {
  const api = fakeApi();
  const timers = fakeTimers();
  const { feed, push: send } = fakeFeed();
  api.onPrintJob = () => ({ ok: false, error: { code: 'internal_error', message: 'offline' } });
  const seen: PrintState[] = [];
  watchPrint(api, feed, timers, printJob('pending'), (s) => seen.push(s));
  await timers.advance(1000);
  assert.equal(seen, ['printing']);
  send(printJob('printed'));
  assert.equal(seen, ['printing', 'printed']);
});

push.run();

const flow = suite('kiosk print: in the flow');

async function issueWith(print: ReturnType<typeof printJob> | undefined) {
  const api = fakeApi();
  const timers = fakeTimers();
  const feed = fakeFeed();
  api.onIssue = () => ({ ok: true, data: issuedTicket('A001', print) });
  const f = createKioskFlow({ api, timers, lang: createStore<Lang>('zh-CN'), printFeed: feed.feed });
  await f.start();
  f.takeTicket();
  f.chooseZone(ZONES[0]!.id);
  f.chooseMatter(MATTERS[0]!.id);
  await f.issue();
  return { api, timers, f, feed };
}

flow('no print job → "本机未连接打印机" state, the ticket stays on screen', async () => {
  const { f } = await issueWith(undefined);
  assert.is(f.state.get().screen, 'ticket');
  assert.is(f.state.get().print, 'none');
});

flow('pending → printing → printed (pushed) while the ticket is shown', async () => {
  const { f, feed } = await issueWith(printJob('pending'));
  assert.is(f.state.get().print, 'printing');
  feed.push(printJob('printed'));
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

flow('the visitor leaving stops the watch', async () => {
  const { api, timers, f, feed } = await issueWith(printJob('pending'));
  await timers.advance(1000);
  f.endSession();
  const reads = api.calls.printJob.length;
  assert.is(feed.listeners.size, 0, 'no longer listening');
  await timers.advance(6000);
  assert.is(api.calls.printJob.length, reads);
  assert.is(f.state.get().print, 'none');
});

flow.run();
