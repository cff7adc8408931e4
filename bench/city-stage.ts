/**
 * One stage of the city benchmark at a fixed arrival rate (visitors/s over the whole city).
 * Each visitor is a kiosk ticket (HTTP) and a counter cycle call-next → start → finish at an idle
 * counter of the same hall; a visitor finding every counter of its hall busy is "backlog" (the
 * city is not keeping up). The floor stage sends, per visitor, the hook's claim transaction +
 * fan-out and two bare fan-outs through the same counter sockets to the same displays.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { emit, issue, type CallTiming, type HallClients } from './city-clients';
import { absNow } from './city-screens';

export interface StageResult {
  offered: number;
  seconds: number;
  visitors: number;
  backlog: number;
  empty: number;
  errors: number;
  commands: number;
  issueMs: number[];
  ackMs: Record<string, number[]>;
}

export async function runStage(
  mode: 'product' | 'floor',
  halls: HallClients[],
  nodes: string[],
  timing: CallTiming,
  rate: number,
  seconds: number,
): Promise<StageResult> {
  const r: StageResult = { offered: rate, seconds, visitors: 0, backlog: 0, empty: 0, errors: 0, commands: 0, issueMs: [], ackMs: {} };
  const busy = halls.map(() => new Set<number>());
  const inflight = new Set<Promise<void>>();
  const ack = (name: string, ms: number) => (r.ackMs[name] ??= []).push(ms);
  const timed = async (s: Socket, name: string, payload: unknown) => {
    const t0 = performance.now();
    const a = await emit(s, name, payload);
    ack(name, performance.now() - t0);
    r.commands++;
    return a;
  };

  const productCycle = async (hc: HallClients, i: number) => {
    const s = hc.counters[i]!;
    const counterId = hc.hall.counterIds[i]!;
    const t0 = absNow();
    const called = await timed(s, 'ticket:call-next', { commandId: randomUUID(), counterId });
    if (!called.ok) {
      if (called.error?.code === 'queue_empty') r.empty++;
      else r.errors++;
      return;
    }
    const ticketId = called.data.ticket.id as string;
    timing.calls.set(ticketId, t0);
    timing.acks.set(ticketId, absNow());
    for (const step of ['ticket:start', 'ticket:finish']) {
      const a = await timed(s, step, { commandId: randomUUID(), counterId, ticketId });
      if (!a.ok) r.errors++;
    }
  };
  const floorCycle = async (hc: HallClients, i: number) => {
    const s = hc.counters[i]!;
    for (const kind of ['c', 'e', 'e']) {
      const id = kind + randomUUID();
      timing.echoes.set(id, absNow());
      const a = await timed(s, kind === 'c' ? 'bench:claim-echo' : 'bench:echo', { hallId: hc.hall.id, id });
      if (!a.ok) r.errors++;
    }
  };

  const start = performance.now();
  let due = 0;
  let last = start;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - start >= seconds * 1000) {
        clearInterval(tick);
        return resolve();
      }
      due += ((now - last) / 1000) * rate;
      last = now;
      for (; due >= 1; due--) {
        const h = next++ % halls.length;
        const hc = halls[h]!;
        r.visitors++;
        if (mode === 'product') {
          const p = issue(nodes[h % nodes.length]!, hc.hall, r.visitors).then((x) => {
            r.commands++;
            if (x.ok) r.issueMs.push(x.ms);
            else r.errors++;
          });
          inflight.add(p);
          void p.finally(() => inflight.delete(p));
        }
        const free = hc.counters.findIndex((_, i) => !busy[h]!.has(i));
        if (free < 0) {
          r.backlog++;
          continue;
        }
        busy[h]!.add(free);
        const p = (mode === 'product' ? productCycle : floorCycle)(hc, free)
          .catch(() => void r.errors++)
          .finally(() => busy[h]!.delete(free));
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
      }
    }, 10);
  });
  await Promise.all([...inflight]);
  r.seconds = (performance.now() - start) / 1000;
  return r;
}
