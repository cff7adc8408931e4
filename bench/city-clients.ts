/**
 * The city benchmark's simulated devices: per hall, C counter workstations (staff sockets), D wall
 * displays (public sockets) and one dashboard (the manager's staff socket), spread over the
 * nodes so every fact crosses the adapter; plus the kiosk's HTTP issuing. Every display and
 * dashboard checks its hall's seq stream: each fact must be the next seq (a gap is a lost fact,
 * a repeat a duplicated one).
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SeededHall } from './city-seed';

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
  /** counterId → when its call-next was emitted */
  pending: Map<string, number>;
  /** echo id → when it was emitted */
  echoes: Map<string, number>;
  callToDisplay: number[];
  echoToDisplay: number[];
  claimEchoToDisplay: number[];
}

export interface HallClients {
  hall: SeededHall;
  counters: Socket[];
  displays: Socket[];
  dashboard: Socket;
  watches: SeqWatch[];
}

export const newTiming = (): CallTiming => ({ pending: new Map(), echoes: new Map(), callToDisplay: [], echoToDisplay: [], claimEchoToDisplay: [] });

export async function connectHall(nodes: string[], hall: SeededHall, timing: CallTiming): Promise<HallClients> {
  const h = hall.index;
  const counterNode = nodes[h % nodes.length]!;
  const counters = await Promise.all(hall.staffTokens.map((t) => connect(counterNode, t)));
  for (const [i, s] of counters.entries()) {
    const took = await emit(s, 'counter:take', { commandId: randomUUID(), counterId: hall.counterIds[i] });
    if (!took.ok) throw new Error(`counter:take failed: ${JSON.stringify(took.error)}`);
  }
  const displays = await Promise.all(hall.displayTokens.map((t, d) => connect(nodes[(h + d + 1) % nodes.length]!, t)));
  const dashboard = await connect(nodes[(h + 1) % nodes.length]!, hall.managerToken);
  const watches: SeqWatch[] = [];
  for (const d of displays) {
    const w = new SeqWatch();
    watches.push(w);
    d.on('public:fact', (f: { seq: number; type: string; ticket?: { counterId: string | null } }) => {
      w.see(f.seq);
      if (f.type === 'ticket:called' && f.ticket?.counterId) {
        const t0 = timing.pending.get(f.ticket.counterId);
        if (t0 !== undefined) timing.callToDisplay.push(performance.now() - t0);
      }
    });
    d.on('bench:echo', (e: { id: string }) => {
      const t0 = timing.echoes.get(e.id);
      if (t0 === undefined) return;
      (e.id.startsWith('c') ? timing.claimEchoToDisplay : timing.echoToDisplay).push(performance.now() - t0);
    });
    const snap = await emit(d, 'public:subscribe', { hallId: hall.id });
    if (!snap.ok) throw new Error(`public:subscribe failed: ${JSON.stringify(snap.error)}`);
    w.start(snap.data.seq);
  }
  const dw = new SeqWatch();
  watches.push(dw);
  dashboard.on('hall:fact', (f: { seq: number }) => dw.see(f.seq));
  const snap = await emit(dashboard, 'hall:subscribe', { hallId: hall.id });
  if (!snap.ok) throw new Error(`hall:subscribe failed: ${JSON.stringify(snap.error)}`);
  dw.start(snap.data.seq);
  return { hall, counters, displays, dashboard, watches };
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
  for (const s of [...c.counters, ...c.displays, c.dashboard]) s.close();
}
