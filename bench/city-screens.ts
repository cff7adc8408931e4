/**
 * The city benchmark's screens (wall displays and dashboards) in processes of their own, so the
 * load generator does not share an event loop with the thousands of sockets it measures: the
 * parent forks SCREEN_PROCESSES of these (`screenProcesses`), hands each its share of the screens,
 * and asks for what they saw. A screen checks its hall's seq stream (SeqWatch) and stamps every
 * `ticket:called` fact and `bench:echo` it receives with this machine's clock
 * (performance.timeOrigin + now, the same in every process up to the offset the parent measures),
 * keyed by ticket id or echo id; the parent matches the keys to the times it emitted the commands.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { connect, emit, SeqWatch } from './city-clients';

export interface ScreenSpec {
  url: string;
  token: string;
  hallId: string;
  kind: 'display' | 'dashboard';
}

export interface ScreenCheck {
  screens: number;
  lost: number;
  duplicated: number;
  reordered: number;
  disconnected: number;
  /** Handshakes refused for another reason than the token and tried again. */
  connectRetries: number;
}

/** key (ticket id or echo id), when a screen received it (absolute ms) and the node (url) that screen is on. */
export type Arrival = [key: string, at: number, node: string];

type ToChild =
  | { type: 'connect'; screens: ScreenSpec[]; concurrency: number }
  | { type: 'clock' }
  | { type: 'collect' }
  | { type: 'check'; finalSeq: Record<string, number> }
  | { type: 'close' };
type FromChild =
  | { type: 'connected'; ms: number }
  | { type: 'failed'; error: string }
  | { type: 'clock'; at: number }
  | { type: 'samples'; calls: Arrival[]; echoes: Arrival[]; rssMb: number }
  | { type: 'checked'; check: ScreenCheck };

export const absNow = () => performance.timeOrigin + performance.now();

// ───────────────────────────── child side ─────────────────────────────

function runChild(): void {
  const screens: { spec: ScreenSpec; socket: Socket; watch: SeqWatch }[] = [];
  let calls: Arrival[] = [];
  let echoes: Arrival[] = [];
  let disconnected = 0;
  let retries = 0;
  const send = (m: FromChild) => process.send!(m);

  async function open(spec: ScreenSpec): Promise<void> {
    // A refused handshake other than a bad token (a loaded machine's database connect timeout) is
    // tried again, as a real screen's reconnection would; the retries are reported.
    let socket: Socket | null = null;
    for (let attempt = 0; !socket; attempt++) {
      try {
        socket = await connect(spec.url, spec.token);
      } catch (err) {
        if (attempt >= 4 || (err as Error).message === 'unauthenticated') throw err;
        retries++;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
    const watch = new SeqWatch();
    socket.on('disconnect', () => disconnected++);
    if (spec.kind === 'display') {
      socket.on('public:fact', (f: { seq: number; type: string; ticket?: { id: string } }) => {
        watch.see(f.seq);
        if (f.type === 'ticket:called' && f.ticket) calls.push([f.ticket.id, absNow(), spec.url]);
      });
      socket.on('bench:echo', (e: { id: string }) => echoes.push([e.id, absNow(), spec.url]));
    } else {
      socket.on('hall:fact', (f: { seq: number }) => watch.see(f.seq));
    }
    const snap = await emit(socket, spec.kind === 'display' ? 'public:subscribe' : 'hall:subscribe', { hallId: spec.hallId }, 120_000);
    if (!snap.ok) throw new Error(`${spec.kind} subscribe failed: ${JSON.stringify(snap.error)}`);
    watch.start(snap.data.seq);
    screens.push({ spec, socket, watch });
  }

  process.on('message', (m: ToChild) => {
    if (m.type === 'connect') {
      const t0 = performance.now();
      const queue = [...m.screens];
      Promise.all(
        Array.from({ length: m.concurrency }, async () => {
          for (let s = queue.shift(); s; s = queue.shift()) await open(s);
        }),
      ).then(
        () => send({ type: 'connected', ms: performance.now() - t0 }),
        (err) => send({ type: 'failed', error: String(err instanceof Error ? err.message : err) }),
      );
    } else if (m.type === 'clock') {
      send({ type: 'clock', at: absNow() });
    } else if (m.type === 'collect') {
      send({ type: 'samples', calls, echoes, rssMb: process.memoryUsage().rss / 2 ** 20 });
      calls = [];
      echoes = [];
    } else if (m.type === 'check') {
      const check: ScreenCheck = { screens: screens.length, lost: 0, duplicated: 0, reordered: 0, disconnected, connectRetries: retries };
      for (const { spec, watch } of screens) {
        const finalSeq = m.finalSeq[spec.hallId] ?? 0;
        check.lost += watch.lost + Math.max(0, finalSeq - watch.last);
        check.duplicated += watch.duplicated;
        check.reordered += watch.reordered;
      }
      send({ type: 'checked', check });
    } else if (m.type === 'close') {
      for (const s of screens) s.socket.close();
      process.exit(0);
    }
  });
}

// ───────────────────────────── parent side ─────────────────────────────

export interface ScreenProcess {
  /** This child's clock minus the parent's (ms), from the fastest of a few round trips. */
  offsetMs: number;
  connect(screens: ScreenSpec[], concurrency?: number): Promise<number>;
  /** Arrivals since the previous collect, in the parent's clock. */
  collect(): Promise<{ calls: Arrival[]; echoes: Arrival[]; rssMb: number }>;
  check(finalSeq: Record<string, number>): Promise<ScreenCheck>;
  close(): void;
}

function request<T extends FromChild['type']>(child: ChildProcess, msg: ToChild, reply: T): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromChild) => {
      if (m.type === 'failed') {
        child.off('message', onMessage);
        reject(new Error(m.error));
      } else if (m.type === reply) {
        child.off('message', onMessage);
        resolve(m as Extract<FromChild, { type: T }>);
      }
    };
    child.on('message', onMessage);
    child.send(msg);
  });
}

export async function startScreenProcess(): Promise<ScreenProcess> {
  const child = fork(import.meta.filename, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const t0 = absNow();
    const { at } = await request(child, { type: 'clock' }, 'clock');
    const t1 = absNow();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: at - (t0 + t1) / 2 };
  }
  const offsetMs = best.offset;
  const shift = (xs: Arrival[]) => xs.map(([k, t, n]) => [k, t - offsetMs, n] as Arrival);
  return {
    offsetMs,
    async connect(screens, concurrency = 20) {
      return (await request(child, { type: 'connect', screens, concurrency }, 'connected')).ms;
    },
    async collect() {
      const s = await request(child, { type: 'collect' }, 'samples');
      return { calls: shift(s.calls), echoes: shift(s.echoes), rssMb: s.rssMb };
    },
    async check(finalSeq) {
      return (await request(child, { type: 'check', finalSeq }, 'checked')).check;
    },
    close() {
      if (child.connected) child.send({ type: 'close' } satisfies ToChild);
    },
  };
}

/** `n` screen processes; screens are dealt round-robin so each process holds every hall's share. */
export async function screenProcesses(n: number): Promise<ScreenProcess[]> {
  return Promise.all(Array.from({ length: n }, () => startScreenProcess()));
}

if (process.argv.includes('--child')) runChild();
