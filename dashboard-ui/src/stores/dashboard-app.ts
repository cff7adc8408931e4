/**
 * The dashboard's root store: session → the halls the manager may see → one socket, one live feed
 * per hall (each re-snapshots on every connect), a server-corrected clock ticking each second, and
 * the manager's actions (move a ticket, tidal counter matters, wall notices, ticket history).
 */
import type { CounterBreaksView, StaffingPlanView } from '../../../server/protocol/staffing-plan';
import type { Ack, ErrorBody } from '../../../server/protocol/errors';
import type { CommandResult, CounterPresence, EvaluationChanged, HallFact, HallNotice } from '../../../server/protocol/events';
import type { TicketHistoryView, TodayStatsView } from '../../../server/protocol/dashboard';
import type { HallSeqBeat } from '../../../server/protocol/heartbeat';
import type { CounterView, HallSnapshot, HallView, PrintJobView } from '../../../server/protocol/views';
import { createApiClient } from '../../../ui-shared/src/api-client';
import { createCommandSender, newCommandId, type CommandSender } from '../../../ui-shared/src/commands';
import type { ConnectionState } from '../../../ui-shared/src/connection';
import { createStore, type Store } from '../../../ui-shared/src/store';
import { browserTimers, createHallFeed, type HallFeed, type Timers } from './hall-feed';
import { createEvaluationStore, type EvaluationStore } from './evaluation-store';
import { createReportStore, type ReportStore } from './report-store';
import { createCaseFiguresStore, type CaseFiguresStore } from './case-figures-store';
import { createPrinterStore, type PrinterStore } from './printer-store';
import { createSessionStore, type RequestFn, type SessionStore, type StorageLike } from './session';

type AckCallback = (err: Error | null, ack: unknown) => void;

/** The part of ui-shared's Connection the dashboard uses (a fake in tests). */
export interface DashConnection {
  socket: {
    connected: boolean;
    on(event: 'hall:fact', fn: (fact: HallFact) => void): unknown;
    off(event: 'hall:fact', fn: (fact: HallFact) => void): unknown;
    on(event: 'hall:seq', fn: (beat: HallSeqBeat) => void): unknown;
    off(event: 'hall:seq', fn: (beat: HallSeqBeat) => void): unknown;
    on(event: 'counter:presence', fn: (p: CounterPresence) => void): unknown;
    off(event: 'counter:presence', fn: (p: CounterPresence) => void): unknown;
    on(event: 'evaluation:changed', fn: (e: EvaluationChanged) => void): unknown;
    off(event: 'evaluation:changed', fn: (e: EvaluationChanged) => void): unknown;
    timeout(ms: number): { emit(event: string, payload: unknown, cb: AckCallback): void };
  };
  state: Store<ConnectionState>;
  onConnected(fn: () => void): () => void;
  close(): void;
}

export interface DashboardDeps {
  storage: StorageLike;
  request: RequestFn;
  connect(token: string): DashConnection;
  timers?: Timers & { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void };
  localNow?: () => number;
}

export type View = 'live' | 'reports' | 'evaluations';
export type Problem = 'managers_only' | 'no_halls' | ErrorBody | null;

export interface DashboardApp {
  session: SessionStore;
  halls: Store<HallView[]>;
  /** The hall shown in the live view; null shows the roll-up of all the manager's halls. */
  hallId: Store<string | null>;
  view: Store<View>;
  feeds: Store<HallFeed[]>;
  connection: Store<ConnectionState>;
  now: Store<number>;
  problem: Store<Problem>;
  reports: ReportStore;
  /** 好差评: today's ratings, open bad reviews and their handling, the evaluation report. */
  evaluations: EvaluationStore;
  /** 办件: today's case figures and the at-risk / overdue / 容缺-promise-overdue cases, live. */
  caseFigures: CaseFiguresStore;
  /** The shown hall's kiosk printers and their paper / cover alerts (docs/printing.md "Paper and cover"). */
  printers: PrinterStore;
  feed(hallId: string): HallFeed | undefined;
  transfer(input: { ticketId: string; toMatterId?: string; toCounterId?: string; reason: string }): Promise<Ack<CommandResult>>;
  /** 作废: a manager cancels a ticket with a reason (the server screens it for personal data). */
  cancelTicket(input: { commandId: string; ticketId: string; reason: string }): Promise<Ack<CommandResult>>;
  setCounterMatters(hallId: string, counterId: string, matterIds: string[], reason: string): Promise<Ack<CounterView>>;
  /** 错峰休息: schedule a counter's breaks for a day, as the staffing plan advises. */
  setCounterBreaks(hallId: string, counterId: string, date: string, times: { from: string; to: string }[], reason: string): Promise<Ack<CounterBreaksView>>;
  postNotice(hallId: string, text: string, minutes: number): Promise<Ack<HallNotice>>;
  clearNotice(hallId: string): Promise<Ack<HallNotice>>;
  history(ticketId: string): Promise<Ack<TicketHistoryView>>;
  /**
   * Reprints a kiosk ticket (补打). Refused with reprint_unconfirmed while its last print may have come
   * out; `confirmMayHavePrinted` after staff checked the visitor has no ticket (docs/faults.md).
   */
  reprint(ticketId: string, confirmMayHavePrinted: boolean): Promise<Ack<PrintJobView>>;
  /** Today's forecast and staffing plan with tidal advice (managers). */
  staffingPlan(hallId: string): Promise<Ack<StaffingPlanView>>;
  stop(): void;
}

const offline: ErrorBody = { code: 'internal_error', message: 'offline' };

export function createDashboardApp(deps: DashboardDeps): DashboardApp {
  const timers = deps.timers ?? {
    ...browserTimers,
    setInterval: (fn: () => void, ms: number) => globalThis.setInterval(fn, ms),
    clearInterval: (h: unknown) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
  };
  const localNow = deps.localNow ?? Date.now;
  const session = createSessionStore({ storage: deps.storage, request: deps.request, now: localNow });
  const halls = createStore<HallView[]>([]);
  const hallId = createStore<string | null>(null);
  const view = createStore<View>('live');
  const feeds = createStore<HallFeed[]>([]);
  const connection = createStore<ConnectionState>('connecting');
  const problem = createStore<Problem>(null);
  let offset = 0;
  const now = createStore(localNow());
  const token = () => session.session.get()?.token ?? null;
  const client = createApiClient(deps.request, token);
  const reports = createReportStore({ request: deps.request, token, now: () => now.get() });

  const evaluations = createEvaluationStore({
    request: <T>(method: string, path: string, body?: unknown) =>
      deps.request<T>(method, path, body, token()).then((r) => {
        if (!r.ok && r.error.code === 'unauthenticated') session.expire();
        return r;
      }),
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
  });
  const printers = createPrinterStore({
    request: <T>(method: string, path: string, body?: unknown) =>
      deps.request<T>(method, path, body, token()).then((r) => {
        if (!r.ok && r.error.code === 'unauthenticated') session.expire();
        return r;
      }),
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
  });
  const caseFigures = createCaseFiguresStore({
    request: <T>(method: string, path: string) =>
      deps.request<T>(method, path, undefined, token()).then((r) => {
        if (!r.ok && r.error.code === 'unauthenticated') session.expire();
        return r;
      }),
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
  });
  let conn: DashConnection | null = null;
  let sender: CommandSender | null = null;
  let cleanups: (() => void)[] = [];
  const ticker = timers.setInterval(() => now.set(localNow() + offset), 1000);

  // An ack-or-timeout around a socket emit, for the snapshot.
  const subscribeTo = (c: DashConnection, id: string) => (): Promise<HallSnapshot> =>
    new Promise((resolve, reject) => {
      const sentAt = localNow();
      c.socket.timeout(8000).emit('hall:subscribe', { hallId: id }, (err, raw) => {
        if (err) return reject(new Error('timeout'));
        const ack = raw as Ack<HallSnapshot>;
        if (!ack.ok) return reject(Object.assign(new Error(ack.error.code), { body: ack.error }));
        offset = Date.parse(ack.data.serverTime) - (sentAt + localNow()) / 2;
        now.set(localNow() + offset);
        resolve(ack.data);
      });
    });

  async function start(tok: string, role: string): Promise<void> {
    stop();
    if (role === 'staff') return problem.set('managers_only');
    const r = await createApiClient(deps.request, () => tok).call('listHalls');
    if (token() !== tok) return; // signed out meanwhile
    if (!r.ok) return r.error.code === 'unauthenticated' ? session.expire() : problem.set(r.error);
    if (r.data.length === 0) return problem.set('no_halls');
    problem.set(null);
    halls.set(r.data);
    if (!r.data.some((h) => h.id === hallId.get())) hallId.set(r.data.length === 1 ? r.data[0]!.id : null);
    const c = (conn = deps.connect(tok));
    sender = createCommandSender(c.socket);
    const list = r.data.map((h) =>
      createHallFeed({
        hallId: h.id,
        subscribe: subscribeTo(c, h.id),
        fetchStats: () => client.call('todayStats', { params: { hallId: h.id } }),
        fetchNotice: () => client.call('activeNotice', { params: { hallId: h.id } }),
        timers,
      }),
    );
    feeds.set(list);
    const onFact = (fact: HallFact) => {
      list.find((f) => f.hallId === fact.hallId)?.receive(fact);
      caseFigures.receive(fact);
      printers.receive(fact);
    };
    c.socket.on('hall:fact', onFact);
    const onBeat = (beat: HallSeqBeat) => list.find((f) => f.hallId === beat.hallId)?.sync.beat(beat);
    c.socket.on('hall:seq', onBeat);
    const onPresence = (p: CounterPresence) => list.find((f) => f.hallId === p.hallId)?.presence(p);
    c.socket.on('counter:presence', onPresence);
    const onEvaluation = (e: EvaluationChanged) => evaluations.changed(e.hallId);
    c.socket.on('evaluation:changed', onEvaluation);
    const offConnected = c.onConnected(() => {
      list.forEach((f) => void f.resync());
      void evaluations.refresh();
      void caseFigures.refresh();
      void printers.refresh();
    });
    const offState = c.state.subscribe((s) => {
      connection.set(s);
      if (s === 'unauthorised') session.expire();
    });
    connection.set(c.state.get());
    cleanups = [() => c.socket.off('evaluation:changed', onEvaluation), () => evaluations.stop(), () => printers.stop(), () => caseFigures.stop(), () => c.socket.off('hall:fact', onFact), () => c.socket.off('hall:seq', onBeat), () => c.socket.off('counter:presence', onPresence), offConnected, offState, () => list.forEach((f) => f.dispose()), () => c.close()];
  }

  function stop(): void {
    for (const fn of cleanups) fn();
    cleanups = [];
    conn = null;
    sender = null;
    feeds.set([]);
  }

  session.session.subscribe((s) => (s ? void start(s.token, s.staff.role) : (stop(), problem.set(null))));
  const initial = session.session.get();
  if (initial) void start(initial.token, initial.staff.role);

  /** A refused token ends the session. */
  const http = <T>(answer: Promise<Ack<T>>): Promise<Ack<T>> =>
    answer.then((r) => {
      if (!r.ok && r.error.code === 'unauthenticated') session.expire();
      return r;
    });

  return {
    session,
    halls,
    hallId,
    view,
    feeds,
    connection,
    now,
    problem,
    reports,
    evaluations,
    caseFigures,
    printers,
    feed: (id) => feeds.get().find((f) => f.hallId === id),
    async transfer(input) {
      if (!sender || !conn) return { ok: false, error: offline };
      return sender.send('ticket:transfer', { ...input });
    },
    async cancelTicket(input) {
      if (!sender || !conn) return { ok: false, error: offline };
      return sender.send('ticket:cancel', { ...input });
    },
    setCounterMatters: (hallId, counterId, matterIds, reason) =>
      http(client.call('setCounterMatters', { params: { hallId, counterId }, body: { commandId: newCommandId(), matterIds, reason } })),
    setCounterBreaks: (hallId, counterId, date, times, reason) =>
      http(client.call('setCounterBreaks', { params: { hallId, counterId }, body: { commandId: newCommandId(), date, times, reason } })),
    postNotice: (hallId, text, minutes) => http(client.call('postNotice', { params: { hallId }, body: { commandId: newCommandId(), text, minutes } })),
    clearNotice: (hallId) => http(client.call('clearNotice', { params: { hallId }, body: { commandId: newCommandId() } })),
    history: (ticketId) => http(client.call('ticketHistory', { params: { ticketId } })),
    reprint: (ticketId, confirmMayHavePrinted) =>
      http(client.call('reprintTicket', { params: { ticketId }, body: { commandId: newCommandId(), ...(confirmMayHavePrinted && { confirmMayHavePrinted: true }) } })),
    staffingPlan: (hallId) => http(client.call('staffingPlan', { params: { hallId } })),
    stop() {
      stop();
      timers.clearInterval(ticker);
    },
  };
}
