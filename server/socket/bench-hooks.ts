/**
 * Benchmark hooks (BENCH_HOOKS=1; never on by default, and main.ts warns when they are): the floor
 * the city benchmark compares the product against, measured through this very process, its
 * socket.io server and adapter, and its database connection pool:
 *   bench:echo        { hallId, id }  → 'bench:echo' to the hall's public room (bare fan-out);
 *   bench:claim-echo  { hallId, id }  → the minimal claim transaction (UPDATE … FOR UPDATE SKIP
 *                     LOCKED and one event insert, on bench_floor_* tables the benchmark created),
 *                     then the same fan-out;
 *   bench:metrics     { gc? }         → RSS, heap, event-loop delay and the per-command own/db time
 *                     samples since the previous call (administrators only); with gc: true and the
 *                     process started with --expose-gc, after a full collection (memory per socket);
 *                     with profile: 'start' a V8 CPU profile starts, with profile: '<label>' it stops
 *                     and is written to $BENCH_PROFILE_DIR/<label>.cpuprofile (a profile of one
 *                     phase, not of the whole run; only when BENCH_PROFILE_DIR is set).
 * The socket is already authenticated by the normal handshake; only staff sockets get the hooks
 * (a device's or visitor's bench:* event reaches no listener).
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io';
import type { AppDeps } from '../app/deps';
import { takeCommandSamples } from '../app/command-timing';
import type { IoServer } from './socket-server';
import { rooms } from './rooms';

const RESOLUTION_MS = 10;
const lateMs = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
type Reply = (r: { ok: boolean; data?: unknown; error?: { code: string } }) => void;
const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

let profiler: Session | null = null;

/** 'start' starts a CPU profile of this process; any other label stops it and writes <label>.cpuprofile to BENCH_PROFILE_DIR. */
async function phaseProfile(label: string): Promise<void> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir || !/^[\w.-]{1,64}$/.test(label)) throw new Error('no profile directory or a bad label');
  if (label === 'start') {
    profiler ??= new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return;
  }
  if (!profiler) throw new Error('no profile running');
  const { profile } = await profiler.post('Profiler.stop');
  profiler.disconnect();
  profiler = null;
  await writeFile(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
}

export function attachBenchHooks(io: IoServer, deps: AppDeps): { close(): void } {
  // The histogram records the interval between the monitor's timer ticks, so an idle loop reads
  // RESOLUTION_MS: the delay is the recorded value minus the resolution.
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  // The hook's event is outside the typed protocol on purpose: no screen ever receives it.
  const untyped = io as unknown as { to(room: string): { emit(event: string, payload: unknown): void } };
  const echo = (hallId: string, id: string) => untyped.to(rooms.hallPublic(hallId)).emit('bench:echo', { hallId, id });
  io.on('connection', (raw) => {
    const socket = raw as unknown as Socket;
    const actor = raw.data.actor;
    // Screens get no hook listener: the benchmark measures what a screen socket costs the server.
    if (actor.kind !== 'staff') return;
    const guard = (input: unknown, ack: unknown, run: (hallId: string, id: string) => Promise<void>) => {
      const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => {};
      const { hallId, id } = (input ?? {}) as { hallId?: unknown; id?: unknown };
      if (!isUuid(hallId) || typeof id !== 'string' || id.length > 64) return reply({ ok: false, error: { code: 'validation_failed' } });
      run(hallId, id).then(
        () => reply({ ok: true }),
        () => reply({ ok: false, error: { code: 'internal_error' } }),
      );
    };
    socket.on('bench:echo', (input: unknown, ack: unknown) =>
      guard(input, ack, async (hallId, id) => {
        echo(hallId, id);
      }),
    );
    socket.on('bench:claim-echo', (input: unknown, ack: unknown) =>
      guard(input, ack, async (hallId, id) => {
        await deps.db.transaction(async (tx) => {
          const claimed = await tx.execute(sql`
            UPDATE bench_floor_tickets SET status = 'called'
            WHERE id = (SELECT id FROM bench_floor_tickets WHERE hall_id = ${hallId} AND status = 'waiting' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id`);
          const row = (Array.isArray(claimed) ? claimed : (claimed as { rows: unknown[] }).rows)[0] as { id: string | number } | undefined;
          if (row) await tx.execute(sql`INSERT INTO bench_floor_events (ticket_id) VALUES (${row.id})`);
        });
        echo(hallId, id);
      }),
    );
    socket.on('bench:metrics', (input: unknown, ack: unknown) => {
      const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => {};
      if (!(actor.kind === 'staff' && actor.role === 'admin')) return reply({ ok: false, error: { code: 'forbidden' } });
      const profile = (input as { profile?: unknown } | null)?.profile;
      if (typeof profile === 'string') {
        void phaseProfile(profile).then(
          () => reply({ ok: true }),
          () => reply({ ok: false, error: { code: 'internal_error' } }),
        );
        return;
      }
      const gc = (globalThis as { gc?: () => void }).gc;
      if ((input as { gc?: unknown } | null)?.gc === true && gc) gc();
      const mem = process.memoryUsage();
      const cpu = process.cpuUsage();
      const data = {
        /** This process's CPU time so far (user + system), for CPU per command between two reads. */
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssMb: mem.rss / 2 ** 20,
        heapUsedMb: mem.heapUsed / 2 ** 20,
        heapTotalMb: mem.heapTotal / 2 ** 20,
        externalMb: mem.external / 2 ** 20,
        arrayBuffersMb: mem.arrayBuffers / 2 ** 20,
        eventLoopDelayMs: { p50: lateMs(delay.percentile(50)), p99: lateMs(delay.percentile(99)), max: lateMs(delay.max) },
        localSockets: io.of('/').sockets.size,
        commands: takeCommandSamples(),
      };
      delay.reset();
      reply({ ok: true, data });
    });
  });
  return { close: () => delay.disable() };
}
