/**
 * The city benchmark's simulated devices: per hall, C counter workstations (staff sockets) and the
 * kiosk's HTTP issuing, driven from the benchmark's process; D wall displays (public sockets) and
 * one dashboard (the manager's staff socket), spread over the nodes so every fact crosses the
 * adapter, opened in screen processes of their own (city-screens.ts). Every display and dashboard
 * checks its hall's seq stream (SeqWatch): each fact must be the next seq (a gap is a lost fact,
 * a repeat a duplicated one).
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SeededHall } from './city-seed';
import type { ScreenSpec } from './city-screens';

export type Ack = { ok: boolean; data?: any; error?: { code: string } };
export const emit = (s: Socket, event: string, payload: unknown, timeoutMs = 30_000) =>
  new Promise<Ack>((resolve) => s.timeout(timeoutMs).emit(event, payload, (err: unknown, ack: Ack) => resolve(err ? { ok: false, error: { code: 'timeout' } } : ack)));

export const connect = (url: string, token: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 60_000 });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

/**
 * One socket's view of its hall's seq stream: a skipped seq is missing until it arrives late
 * (reordered) or never (lost); a seq seen twice is duplicated.
 */
export class SeqWatch {
  last = 0;
  duplicated = 0;
  reordered = 0;
  private readonly missing = new Set<number>();
  private base = 0;
  get lost(): number {
    return this.missing.size;
  }
  start(snapshotSeq: number): void {
    this.base = snapshotSeq;
    if (snapshotSeq > this.last) this.last = snapshotSeq;
  }
  see(seq: number): void {
    if (seq <= this.base) return; // already in the snapshot (joined before it was read)
    if (seq > this.last) {
      for (let s = this.last + 1; s < seq; s++) this.missing.add(s);
      this.last = seq;
    } else if (this.missing.delete(seq)) this.reordered++;
    else this.duplicated++;
  }
}

export interface CallTiming {
  /** ticket id → when the call-next that called it was emitted (absolute ms, absNow) */
  calls: Map<string, number>;
  /** echo id → when it was emitted (absolute ms) */
  echoes: Map<string, number>;
  /** ticket id → when the call-next that called it was acked (absolute ms): ack → display is the fan-out after the command. */
  acks: Map<string, number>;
}

/** A hall's counters, driven from the benchmark's own process; its screens live in screen processes (city-screens.ts). */
export interface HallClients {
  hall: SeededHall;
  counters: Socket[];
}

export const newTiming = (): CallTiming => ({ calls: new Map(), echoes: new Map(), acks: new Map() });

/** The counter sockets of hall h on node h mod nodes; every counter takes its counter. */
export async function connectCounters(nodes: string[], hall: SeededHall): Promise<HallClients> {
  const counterNode = nodes[hall.index % nodes.length]!;
  const counters = await Promise.all(hall.staffTokens.map((t) => connect(counterNode, t)));
  await Promise.all(
    counters.map(async (s, i) => {
      const took = await emit(s, 'counter:take', { commandId: randomUUID(), counterId: hall.counterIds[i] }, 120_000);
      if (!took.ok) throw new Error(`counter:take failed: ${JSON.stringify(took.error)}`);
    }),
  );
  return { hall, counters };
}

/** Displays and the dashboard of hall h on the other nodes (display d on node h + d + 1), so every fact crosses the adapter. */
export function hallScreens(nodes: string[], hall: SeededHall): ScreenSpec[] {
  const h = hall.index;
  return [
    ...hall.displayTokens.map((token, d) => ({ url: nodes[(h + d + 1) % nodes.length]!, token, hallId: hall.id, kind: 'display' as const })),
    { url: nodes[(h + 1) % nodes.length]!, token: hall.managerToken, hallId: hall.id, kind: 'dashboard' as const },
  ];
}

/**
 * A kiosk ticket over HTTP keep-alive. A connection the server closed as idle just as it was
 * reused fails at the transport: the kiosk sends the same commandId again (idempotent), as the
 * real kiosk does; the latency counts from the first attempt.
 */
export async function issue(node: string, hall: SeededHall, matter: number, extra: Record<string, unknown> = {}): Promise<{ ok: boolean; ms: number; error?: string }> {
  const t0 = performance.now();
  const body = JSON.stringify({ commandId: randomUUID(), matterId: hall.matterIds[matter % hall.matterIds.length], ...extra });
  let error = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(`${node}/api/halls/${hall.id}/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hall.kioskToken}` },
        body,
      });
      const text = await res.text();
      return { ok: res.status === 201, ms: performance.now() - t0, ...(res.status !== 201 && { error: `${res.status} ${text.slice(0, 200)}` }) };
    } catch (err) {
      error = String((err as { cause?: unknown }).cause ?? err);
    }
  }
  return { ok: false, ms: performance.now() - t0, error };
}

export function closeHall(c: HallClients): void {
  for (const s of c.counters) s.close();
}
