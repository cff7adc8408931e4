/** Hall snapshots and fakes for the counter workstation's Node tests (no DOM, no server). */
import type { Ack } from '../../server/protocol/errors';
import type { HallFact } from '../../server/protocol/events';
import type { CounterView, HallSnapshot, MatterView, TicketView } from '../../server/protocol/views';
import type { CommandSender } from '../../ui-shared/src/commands';
import type { ConnectionState } from '../../ui-shared/src/connection';
import { createStore, type Store } from '../../ui-shared/src/store';
import type { LinkConnection, LinkSocket } from '../../counter-ui/src/stores/hall-link';
import type { StorageLike } from '../../counter-ui/src/stores/session-store';

export const NOW = Date.parse('2026-03-10T02:00:00Z');
export const min = (n: number) => n * 60_000;
export const ago = (ms: number) => new Date(NOW - ms).toISOString();

export const HALL = 'a0000000-0000-4000-8000-000000000001';
export const ZONE_FR = 'b0000000-0000-4000-8000-000000000001';
export const ZONE_ZR = 'b0000000-0000-4000-8000-000000000002';
export const M_SETUP = 'c0000000-0000-4000-8000-000000000001'; // 企业设立登记, general
export const M_FOOD = 'c0000000-0000-4000-8000-000000000002'; // 食品经营许可, complex
export const M_SOCIAL = 'c0000000-0000-4000-8000-000000000003'; // 社保登记 (other zone)
export const C1 = 'd0000000-0000-4000-8000-000000000001';
export const C2 = 'd0000000-0000-4000-8000-000000000002';
export const C4 = 'd0000000-0000-4000-8000-000000000004';

let seqId = 0;
const uuid = () => `e0000000-0000-4000-8000-${String(++seqId).padStart(12, '0')}`;

export function ticket(over: Partial<TicketView> = {}): TicketView {
  const matterId = over.matterId ?? M_SETUP;
  return {
    id: uuid(),
    number: 'A001',
    status: 'waiting',
    zoneId: matterId === M_SOCIAL ? ZONE_ZR : ZONE_FR,
    matterId,
    matterName: matterId === M_FOOD ? '食品经营许可' : matterId === M_SOCIAL ? '社保登记' : '企业设立登记',
    counterId: null,
    counterNumber: null,
    calledAt: null,
    recallCount: 0,
    hallId: HALL,
    serviceDate: '2026-03-10',
    complexity: matterId === M_FOOD ? 'complex' : 'general',
    source: 'kiosk',
    priority: 0,
    priorityReason: null,
    targetCounterId: null,
    issuedAt: ago(min(1)),
    waitStartAt: ago(min(1)),
    waitTargetMinutes: matterId === M_FOOD ? 30 : 10,
    firstCalledAt: null,
    startedAt: null,
    finishedAt: null,
    transferCount: 0,
    lastTransferReason: null,
    appointmentSlot: null,
    visitorIdMasked: null,
    ...over,
  };
}

export function counter(over: Partial<CounterView> = {}): CounterView {
  return {
    id: C1,
    hallId: HALL,
    zoneId: ZONE_FR,
    number: 1,
    name: '法人综合受理窗口',
    type: 'comprehensive',
    status: 'open',
    pauseReason: null,
    staffId: 's1',
    staffName: '李娜',
    matterIds: [M_SETUP, M_FOOD],
    preferredMatterIds: [],
    active: true,
    currentTicketId: null,
    ...over,
  };
}

const matter = (id: string, name: string, zoneId: string): MatterView => ({
  id,
  hallId: HALL,
  zoneId,
  code: name,
  name,
  department: '区市场监督管理局',
  complexity: 'general',
  ticketPrefix: 'A',
  waitTargetMinutes: 10,
  materials: [],
  legalLimitDays: null,
  promisedLimitDays: null,
  flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false },
  active: true,
});

export function snapshot(over: Partial<HallSnapshot> = {}): HallSnapshot {
  return {
    protocolVersion: 1,
    seq: 10,
    serverTime: new Date(NOW).toISOString(),
    serviceDate: '2026-03-10',
    hall: {
      id: HALL,
      code: 'XH-ZX',
      name: '徐汇区行政服务中心',
      timeZone: 'Asia/Shanghai',
      sessions: [{ start: '09:00', end: '17:00' }],
      level: 'district_centre',
      parentHallId: null,
      settings: {
        generalWaitTargetMinutes: 10,
        complexWaitTargetMinutes: 30,
        counterHandlingTargetMinutes: 20,
        elderlyAge: 60,
        starvationGuard: 3,
        missedNumberRule: '过号请到服务台重新激活',
        announcementRepeat: 2,
      },
    },
    zones: [
      { id: ZONE_FR, hallId: HALL, code: 'FR', name: '法人服务区', sortOrder: 0 },
      { id: ZONE_ZR, hallId: HALL, code: 'ZR', name: '自然人服务区', sortOrder: 1 },
    ],
    matters: [matter(M_SETUP, '企业设立登记', ZONE_FR), matter(M_FOOD, '食品经营许可', ZONE_FR), matter(M_SOCIAL, '社保登记', ZONE_ZR)],
    counters: [
      counter(),
      counter({ id: C2, number: 2, status: 'closed', staffId: null, staffName: null }),
      counter({ id: C4, number: 4, zoneId: ZONE_ZR, name: '自然人综合受理窗口', matterIds: [M_SOCIAL], staffId: 's2', staffName: '张伟' }),
    ],
    tickets: [],
    recentCalls: [],
    ...over,
  };
}

/** A fact with only the fields a test sets: the stores under test read no others (the server's facts are typed per type). */
export function fact(seq: number, type: HallFact['type'], over: Partial<HallFact> = {}): HallFact {
  return { seq, hallId: HALL, type, at: new Date(NOW).toISOString(), ...over } as HallFact;
}

export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

export interface SentCommand {
  event: string;
  payload: Record<string, unknown>;
}

/** A command sender that records what it is asked to send and answers from a script. */
export function fakeSender(answer: (c: SentCommand) => Ack<unknown> = () => ({ ok: true, data: {} })): CommandSender & { sent: SentCommand[]; hold(): () => void } {
  const busy = createStore<string | null>(null);
  const sent: SentCommand[] = [];
  let gate: Promise<void> | null = null;
  return {
    busy,
    sent,
    /** Keep the next commands in flight until the returned function is called. */
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
    async send<T>(event: string, payload: Record<string, unknown>): Promise<Ack<T>> {
      if (busy.get() !== null) return { ok: false, error: { code: 'conflict', message: 'busy' } };
      busy.set(event);
      sent.push({ event, payload });
      try {
        if (gate) await gate;
        return answer({ event, payload }) as Ack<T>;
      } finally {
        busy.set(null);
      }
    },
  } as CommandSender & { sent: SentCommand[]; hold(): () => void };
}

type AckCb = (err: Error | null, ack: unknown) => void;

/** A socket.io connection double: the test plays the server. */
export function fakeConnection() {
  const state: Store<ConnectionState> = createStore<ConnectionState>('connecting');
  const factListeners = new Set<(f: HallFact) => void>();
  const connectedListeners = new Set<() => void>();
  const emitted: Array<{ event: string; payload: unknown; reply: AckCb }> = [];
  let closed = false;
  const socket: LinkSocket = {
    connected: false,
    on: (e: string, fn: (x: never) => void) => void (e === 'hall:fact' && factListeners.add(fn as (f: HallFact) => void)),
    off: (e: string, fn: (x: never) => void) => void (e === 'hall:fact' && factListeners.delete(fn as (f: HallFact) => void)),
    timeout: () => ({ emit: (event, payload, cb) => void emitted.push({ event, payload, reply: cb }) }),
  };
  const connection: LinkConnection = {
    socket,
    state,
    onConnected(fn) {
      connectedListeners.add(fn);
      if (state.get() === 'online') fn();
      return () => connectedListeners.delete(fn);
    },
    close: () => void (closed = true),
  };
  return {
    connection,
    emitted,
    isClosed: () => closed,
    goOnline() {
      socket.connected = true;
      state.set('online');
      for (const l of [...connectedListeners]) l();
    },
    goOffline() {
      socket.connected = false;
      state.set('offline');
    },
    push(f: HallFact) {
      for (const l of [...factListeners]) l(f);
    },
    /** Answer the oldest unanswered hall:subscribe. */
    answerSnapshot(snap: HallSnapshot) {
      const i = emitted.findIndex((e) => e.event === 'hall:subscribe');
      if (i < 0) throw new Error('no hall:subscribe pending');
      const [e] = emitted.splice(i, 1);
      e!.reply(null, { ok: true, data: snap });
    },
    refuseSnapshot(code: string) {
      const i = emitted.findIndex((e) => e.event === 'hall:subscribe');
      const [e] = emitted.splice(i, 1);
      e!.reply(null, { ok: false, error: { code, message: code } });
    },
  };
}

export const tick = () => new Promise((r) => setTimeout(r, 0));
