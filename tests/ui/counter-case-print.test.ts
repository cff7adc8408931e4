/**
 * The counter's print status for a case outcome: follows the job to 已打印 / 打印失败, gives up after
 * the deadline, falls back to the browser without a printer (no job, or no_printer on 补打).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCasePrint, CASE_PRINT_DEADLINE_MS, type CasePrintTimers } from '../../counter-ui/src/stores/case-print';
import type { Ack } from '../../server/protocol/errors';
import type { PrintJobView } from '../../server/protocol/views';
import { createStore } from '../../ui-shared/src/store';

function fakeTimers(): CasePrintTimers & { advance(ms: number): Promise<void> } {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = next++;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      queue = queue.filter((q) => q.id !== h);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const due = queue[0];
        if (!due || due.at > end) break;
        queue.shift();
        now = due.at;
        due.fn();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = end;
    },
  };
}

const job = (status: PrintJobView['status'], lastError: string | null = null): PrintJobView => ({
  id: 'j1', ticketId: 't1', deviceId: null, document: 'case_notice', counterId: 'c1', caseId: 'k1', status, attempts: 1, reprint: false, lastError, paper: status === 'printed' ? 'printed' : status === 'failed' ? 'not_printed' : 'unknown', updatedAt: '2026-01-01T00:00:00Z',
});

function setup(answers: PrintJobView['status'][], sendAnswer?: Ack<unknown>) {
  const timers = fakeTimers();
  const sent: string[] = [];
  const p = createCasePrint({
    timers,
    sender: { busy: createStore<string | null>(null), send: async <T,>(event: string) => (sent.push(event), (sendAnswer ?? { ok: true, data: { printJob: job('pending') } }) as Ack<T>) },
    printJob: async () => {
      const s = answers.shift() ?? 'printing';
      return { ok: true, data: job(s, s === 'failed' ? 'unreachable: ECONNREFUSED' : null) };
    },
  });
  return { p, timers, sent };
}

const t = suite('counter case print status');

t('follows the job until it printed', async () => {
  const { p, timers } = setup(['printing', 'printed']);
  p.follow(job('pending'));
  assert.is(p.state.get().kind, 'printing');
  await timers.advance(500);
  assert.is(p.state.get().kind, 'printing');
  await timers.advance(500);
  assert.is(p.state.get().kind, 'printed');
});

t('a failed job shows its reason', async () => {
  const { p, timers } = setup(['failed']);
  p.follow(job('pending'));
  await timers.advance(500);
  const s = p.state.get();
  assert.is(s.kind, 'failed');
  assert.match(s.kind === 'failed' ? s.message : '', 'unreachable');
});

t('a job that never settles fails at the deadline', async () => {
  const { p, timers } = setup([]);
  p.follow(job('pending'));
  await timers.advance(CASE_PRINT_DEADLINE_MS + 1000);
  const s = p.state.get();
  assert.is(s.kind, 'failed');
  assert.is(s.kind === 'failed' && s.message, 'timeout');
});

t('no job: the browser prints', () => {
  const { p } = setup([]);
  p.follow(undefined);
  assert.is(p.state.get().kind, 'browser');
});

t('补打 follows the new job; no_printer falls back to the browser', async () => {
  const ok = setup(['printed']);
  assert.is(await ok.p.reprint('c1', 'k1'), true);
  assert.equal(ok.sent, ['case:print']);
  await ok.timers.advance(500);
  assert.is(ok.p.state.get().kind, 'printed');
  const none = setup([], { ok: false, error: { code: 'no_printer', message: 'Counter 2 has no printer' } });
  assert.is(await none.p.reprint('c1', 'k1'), false);
  assert.is(none.p.state.get().kind, 'browser');
});

t('a new ticket resets, and a late answer of the old job is dropped', async () => {
  const { p, timers } = setup(['printed']);
  p.follow(job('pending'));
  p.reset();
  await timers.advance(1000);
  assert.is(p.state.get().kind, 'idle');
});

t.run();
