/**
 * socket.io on the Koa http.Server. Handshake auth by token; every event validated; every
 * command acked with { ok, data } | { ok: false, error }; handlers never throw.
 */
import type { Server as HttpServer } from 'node:http';
import type { z } from 'zod';
import { Server, type Socket } from 'socket.io';
import { authorize, type Actor, type VisitorActor } from '../app/actor';
import { AppError, toErrorBody, validationError } from '../app/app-error';
import { hashToken } from '../app/auth';
import type { AppDeps, Publisher } from '../app/deps';
import { toPublicCounter, toPublicTicket } from '../app/presenters';
import { authorizeHallSnapshot, hallSnapshot, readPublicSnapshot } from '../app/snapshot';
import type { Ack } from '../protocol/errors';
import { COMMANDS, SUBSCRIPTIONS, type CommandEvent, type CommandResult } from '../protocol/commands';
import type { ClientToServerEvents, HallFact, PublicHallFact, ServerToClientEvents } from '../protocol/events';
import { findUnsafeText } from '../protocol/safe-text';
import { PROTOCOL_VERSION } from '../protocol/version';
import { timeCommand } from '../app/command-timing';
import { commandHandlers } from './command-handlers';
import type { Delivery, RemoteFacts } from './fact-bus';
import { batchedTokenResolver } from './handshake-auth';
import { attachVisitor, progressNudgeRooms } from './progress-room';
import { progressHandshake } from './progress-handshake';
import { createPresence } from './presence';
import { emitLocal } from './local-facts';
import { identityRooms, startRevalidation } from './revocation';
import { rooms } from './rooms';
import { sharedReads } from './shared-reads';

/** A staff or device socket: its token's hash names its identity room and the periodic re-check uses it. */
interface MemberData {
  actor: Actor;
  tokenHash: string;
}
/** A phone page (progress token): no identity room, no re-check — the token never expires while its ticket exists. */
interface VisitorData {
  actor: VisitorActor;
  tokenHash?: undefined;
}
type SocketData = MemberData | VisitorData;

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type MemberSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, MemberData>;
export type VisitorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, VisitorData>;

export function createSocketServer(
  http: HttpServer,
  deps: AppDeps,
  log: (msg: string, err: unknown) => void,
  opts: { presenceGraceMs?: number; recheckMs?: number; allowedOrigins?: readonly string[]; trustProxy?: boolean } = {},
): IoServer {
  const io: IoServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // No per-message compression: ws would keep a zlib context per socket (docs/performance.md, "What a screen socket costs").
    perMessageDeflate: false,
    cors: { origin: false },
    // A browser always sends Origin: only pages of this server (or PUBLIC_BASE_URL) may open a socket.
    // Clients that are not browsers (devices, tests) send none and authenticate by token as before.
    allowRequest: (req, callback) => callback(null, originAllowed(req.headers.origin, req.headers.host, opts.allowedOrigins ?? [])),
    // Recovered connections still pass the auth middleware: a signed-out or expired session must not come back.
    connectionStateRecovery: { maxDisconnectionDuration: 60_000, skipMiddlewares: false },
  });

  const resolveHandshake = batchedTokenResolver(deps);
  // Every public screen of a hall gets the same snapshot: subscribes that arrive together share one read.
  const publicReads = sharedReads((hallId) => readPublicSnapshot(deps, hallId));
  const resolveVisitor = progressHandshake(deps);
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; progressToken?: unknown } | undefined;
      if (auth?.progressToken !== undefined) {
        socket.data = { actor: await resolveVisitor(auth.progressToken, clientAddress(socket, opts.trustProxy ?? false)) };
        return next();
      }
      const token = auth?.token;
      const actor = await resolveHandshake(token);
      if (!actor || typeof token !== 'string') return next(new Error('unauthenticated'));
      socket.data = { actor, tokenHash: hashToken(token) };
      next();
    } catch (err) {
      // A refusal names its code (the client's connect_error message) and says why in `data`.
      if (err instanceof AppError) return next(Object.assign(new Error(err.code), { data: toErrorBody(err) }));
      log('socket auth failed', err);
      next(new Error('internal_error'));
    }
  });

  const presence = createPresence(io, deps, { log, ...(opts.presenceGraceMs !== undefined && { graceMs: opts.presenceGraceMs }) });
  const revalidation = startRevalidation(io, deps, { intervalMs: opts.recheckMs ?? 5_000, log });
  http.once('close', () => {
    presence.close();
    revalidation.close();
  });

  // Every member socket's events go through one table built here, once per server: a socket holds one
  // dispatching listener instead of a closure per event (memory per screen, docs/performance.md, "What a screen socket costs").
  type MemberHandler = (socket: MemberSocket, actor: Actor, input: unknown) => Promise<unknown>;
  const handlers = new Map<string, MemberHandler>();
  // Join first, then read: a fact committed while the snapshot is read reaches the socket (and is
  // dropped by the client if the snapshot already holds it) instead of being missed. The room is
  // joined only after the actor is known to be allowed in, and left again if the read fails.
  handlers.set('hall:subscribe', async (socket, actor, input) => {
    authorize(actor, SUBSCRIPTIONS['hall:subscribe'].action);
    const { hallId } = parseInput(SUBSCRIPTIONS['hall:subscribe'].input, input) as { hallId: string };
    authorizeHallSnapshot(actor, hallId);
    const snap = await joinThenRead(socket, rooms.hallStaff(hallId), () => hallSnapshot(deps, actor, hallId));
    const onlineCounterIds = await presence.online(snap.counters.filter((c) => c.status !== 'closed').map((c) => c.id));
    return { ...snap, onlineCounterIds };
  });
  handlers.set('public:subscribe', async (socket, actor, input) => {
    authorize(actor, SUBSCRIPTIONS['public:subscribe'].action);
    const { hallId } = parseInput(SUBSCRIPTIONS['public:subscribe'].input, input) as { hallId: string };
    authorize(actor, 'hall:public-snapshot', { hallId });
    // Public screens only ever join public rooms: staff rooms carry masked personal data.
    return joinThenRead(socket, rooms.hallPublic(hallId), () => publicReads.read(hallId));
  });
  // Only a visitor's socket may follow a ticket: here the policy table refuses it (the role check).
  handlers.set('progress:subscribe', async (_socket, actor) => {
    authorize(actor, SUBSCRIPTIONS['progress:subscribe'].action);
    throw new AppError('forbidden', 'Only a ticket’s phone page follows its progress');
  });
  for (const event of Object.keys(COMMANDS) as CommandEvent[]) {
    const def = COMMANDS[event];
    const run = commandHandlers[event] as (deps: AppDeps, actor: Actor, input: unknown) => Promise<CommandResult>;
    handlers.set(event, async (socket, actor, input) => {
      // The policy's role check comes before the input is read; the use case checks hall and counter.
      authorize(actor, def.action);
      const parsed: { counterId?: string } = parseInput(def.input as z.ZodType<{ counterId?: string }>, input);
      const result = await timeCommand(event, () => run(deps, actor, parsed));
      const counterId = parsed.counterId;
      const hallId = result.counter?.hallId;
      if (event === 'counter:take' && counterId && hallId) await presence.took(socket, hallId, counterId);
      if (event === 'counter:release' && counterId && hallId) await presence.released(socket, hallId, counterId);
      return result;
    });
  }
  // socket.io calls an any-listener with the socket as `this`: one function for every socket. An
  // event no handler knows is ignored, as before (socket.io delivers it to no listener).
  function dispatch(this: MemberSocket, event: string, input: unknown, ack: unknown) {
    const handler = handlers.get(event);
    if (handler) answer(ack, log, () => handler(this, this.data.actor, input));
  }
  DISPATCHED.set(dispatch, [...handlers.keys()]);
  function leaving(this: MemberSocket) {
    presence.leaving(this);
  }

  io.on('connection', (raw: IoSocket) => {
    // The handshake (headers, address) is already copied into socket.handshake: the upgrade request
    // itself (IncomingMessage, its parser state and raw headers) need not live as long as the socket.
    (raw.conn as { request: unknown }).request = null;
    if (raw.data.actor.kind === 'visitor') return attachVisitor(raw as VisitorSocket, deps, log);
    const socket = raw as MemberSocket;
    const actor = socket.data.actor;
    void socket.join(identityRooms(socket.data));
    presence.attach(socket).catch((err) => log('presence attach failed', err));
    socket.on('disconnecting', leaving);
    if (actor.kind === 'device' && actor.deviceKind === 'evaluator_pad' && actor.counterId) void socket.join(rooms.pad(actor.counterId));
    socket.emit('server:hello', {
      protocolVersion: PROTOCOL_VERSION,
      serverTime: deps.clock.now().toISOString(),
      role: actor.kind === 'staff' ? actor.role : actor.kind === 'device' ? actor.deviceKind : 'admin',
      hallIds: actor.kind === 'staff' ? actor.hallIds : actor.kind === 'device' ? [actor.hallId] : [],
    });
    socket.onAny(dispatch);
  });
  return io;
}

/** The dispatching any-listener of each server and the events it answers. */
const DISPATCHED = new WeakMap<object, readonly string[]>();

/** Every event a server-side socket answers: its own listeners and those of its dispatcher (the tests' matrix). */
export function socketEvents(socket: { eventNames(): (string | symbol)[]; listenersAny(): unknown[] }): string[] {
  const dispatched = socket.listenersAny().flatMap((l) => DISPATCHED.get(l as object) ?? []);
  return [...new Set([...socket.eventNames().map(String), ...dispatched])];
}

export async function joinThenRead<T>(socket: { rooms: Set<string>; join(room: string): unknown; leave(room: string): unknown }, room: string, read: () => Promise<T>): Promise<T> {
  const wasIn = socket.rooms.has(room);
  await socket.join(room);
  try {
    return await read();
  } catch (err) {
    if (!wasIn) await socket.leave(room);
    throw err;
  }
}

export function parseInput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, input: unknown): T {
  const unsafe = findUnsafeText(input);
  if (unsafe) throw new AppError('validation_failed', `Invalid input — ${unsafe.path}: ${unsafe.reason}`, { [unsafe.path]: unsafe.reason });
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Runs a handler and acks its outcome. A missing ack callback is tolerated; nothing is thrown. */
export function answer<T>(ack: unknown, log: (msg: string, err: unknown) => void, run: () => Promise<T>): void {
  const reply = typeof ack === 'function' ? (ack as (a: Ack<T>) => void) : () => {};
  run().then(
    (data) => reply({ ok: true, data }),
    (err) => {
      if (!(err instanceof AppError) && (err as { name?: string })?.name !== 'ZodError') log('socket command failed', err);
      reply({ ok: false, error: toErrorBody(err) });
    },
  );
}

/**
 * Publishes committed facts: full views to staff, stripped views to public screens. This node's
 * sockets get them at once (`io.local`); the other nodes through `getRemote()` (fact-bus.ts: one
 * ordered NOTIFY per batch), or nowhere when this process is alone (the in-memory adapter).
 */
export function socketPublisher(getIo: () => IoServer | null, getRemote: () => RemoteFacts | null = () => null): Publisher {
  const deliver = (io: IoServer, deliveries: Delivery[]) => {
    for (const [to, event, payload] of deliveries) emitLocal(io, to, event, payload);
    getRemote()?.send(deliveries);
  };
  return {
    publish(hallId, facts) {
      const io = getIo();
      if (!io) return;
      const deliveries: Delivery[] = [];
      for (const fact of facts) {
        const staffRooms = [rooms.hallStaff(hallId)];
        const counterId = fact.counter?.id ?? fact.ticket?.counterId;
        if (counterId) staffRooms.push(rooms.counter(counterId));
        // Target alerts also reach every counter that could serve the ticket.
        for (const id of fact.alert?.counterIds ?? []) staffRooms.push(rooms.counter(id));
        deliveries.push([staffRooms, 'hall:fact', fact]);
        deliveries.push([[rooms.hallPublic(hallId)], 'public:fact', toPublicFact(fact)]);
        if (counterId) deliveries.push([[rooms.pad(counterId)], 'pad:nudge', { counterId }]);
        // The kiosk that prints the ticket hears its own job (and only its own) change.
        if (fact.type === 'print:status' && fact.printJob?.deviceId) deliveries.push([[rooms.device(fact.printJob.deviceId)], 'kiosk:print', fact.printJob]);
        for (const [room, reason] of progressNudgeRooms(fact)) deliveries.push([[room], 'progress:nudge', { reason }]);
      }
      deliver(io, deliveries);
    },
    evaluationChanged(hallId, counterId) {
      const io = getIo();
      if (!io) return;
      const deliveries: Delivery[] = [[[rooms.hallStaff(hallId)], 'evaluation:changed', { hallId }]];
      if (counterId) deliveries.push([[rooms.pad(counterId)], 'pad:nudge', { counterId }]);
      deliver(io, deliveries);
    },
  };
}

/**
 * A fact as public screens may see it (`PublicPayloads` in server/protocol/facts.ts): the ticket and
 * counter in their public views, the call and the notice as they are; print jobs, alerts and cases
 * never leave the staff rooms. A manager's notice is public text by design (refused if it holds
 * identity or phone numbers). The one assertion: TypeScript cannot follow this key-by-key mapping
 * across the union, so the result is checked against PublicHallFact's shape by the type-level test
 * in tests/protocol/fact-types.test.ts and its content by tests/socket/public-stream.test.ts.
 */
export function toPublicFact(fact: HallFact): PublicHallFact {
  const { ticket, counter, call, notice } = fact;
  const currentNumber = counter && ticket && counter.currentTicketId === ticket.id ? ticket.number : null;
  return {
    seq: fact.seq,
    hallId: fact.hallId,
    type: fact.type,
    at: fact.at,
    ...(ticket && { ticket: toPublicTicket(ticket) }),
    ...(counter && { counter: toPublicCounter(counter, currentNumber) }),
    ...(call && { call }),
    ...(notice && { notice }),
  } as PublicHallFact;
}

/** The client's address for the handshake limit: the socket's, or the proxy's first forwarded address when TRUST_PROXY is set (as Koa's ctx.ip). */
function clientAddress(socket: IoSocket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return first || socket.handshake.address;
}

/** No Origin (not a browser), the same host as the request, or one of the configured origins. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return (host !== undefined && o.host === host) || allowed.some((a) => new URL(a).origin === o.origin);
  } catch {
    return false;
  }
}
