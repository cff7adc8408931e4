/** Fakes for the kiosk store tests: hand-driven timers and a scripted kiosk API. */
import type { Ack } from '../../server/protocol/errors';
import type { IssuedTicket, MatterView, PrintJobView, PublicHallSnapshot, TicketView, ZoneView } from '../../server/protocol/views';
import type { CheckInResult } from '../../server/protocol/appointments';
import type { DeviceKind } from '../../server/protocol/views';
import type { CheckInBody, DeviceMe, IssueBody, KioskApi, PickupBody } from '../../kiosk-ui/src/stores/kiosk-api';

/** What GET /api/auth/me answers for a device token. */
export function deviceMe(over: { deviceKind?: DeviceKind; hallId: string; zoneId?: string | null }): DeviceMe {
  return { kind: 'device', id: 'device-1', deviceKind: over.deviceKind ?? 'kiosk', hallId: over.hallId, zoneId: over.zoneId ?? null, counterId: null };
}
import type { KioskTimers } from '../../kiosk-ui/src/stores/timers';

export interface FakeTimers extends KioskTimers {
  advance(ms: number): Promise<void>;
  pending(): number;
}

/** Let resolved promises run (fake API answers are promises). */
export const flush = () => new Promise<void>((r) => setImmediate(r));

export function fakeTimers(start = Date.parse('2026-03-02T02:00:00Z')): FakeTimers {
  let now = start;
  let nextId = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      queue.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await flush();
        let due: [number, { at: number; fn: () => void }] | null = null;
        for (const entry of queue) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
      await flush();
    },
    pending: () => queue.size,
  };
}

export const HALL_ID = '00000000-0000-4000-8000-000000000001';
const zone = (n: number, name: string): ZoneView => ({ id: `00000000-0000-4000-8000-0000000001${n}0`, hallId: HALL_ID, code: `Z${n}`, name, sortOrder: n });
export const ZONES: ZoneView[] = [zone(1, '法人服务区'), zone(2, '自然人服务区')];
const matter = (n: number, zoneId: string, name: string, prefix: string): MatterView => ({
  id: `00000000-0000-4000-8000-0000000002${n}0`,
  hallId: HALL_ID,
  zoneId,
  code: `M${n}`,
  name,
  department: '区市场监督管理局',
  complexity: 'general',
  ticketPrefix: prefix,
  waitTargetMinutes: 10,
  materials: [],
  legalLimitDays: null,
  promisedLimitDays: null,
  flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false },
  active: true,
});
export const MATTERS: MatterView[] = [
  matter(1, ZONES[0]!.id, '企业设立登记', 'A'),
  matter(2, ZONES[0]!.id, '营业执照变更登记', 'A'),
  matter(3, ZONES[1]!.id, '社保登记', 'C'),
];

export function snapshot(): PublicHallSnapshot {
  return {
    protocolVersion: 1,
    seq: 1,
    serverTime: '2026-03-02T02:00:00.000Z',
    serviceDate: '2026-03-02',
    hall: { id: HALL_ID, name: '徐汇区行政服务中心', timeZone: 'Asia/Shanghai', announcementRepeat: 2, missedNumberRule: '过号请到服务台重新激活，当日有效', elderlyAge: 60 },
    zones: ZONES,
    counters: [],
    tickets: [],
    waitingByZone: { [ZONES[0]!.id]: 3, [ZONES[1]!.id]: 0 },
    recentCalls: [],
  };
}

export function issuedTicket(number = 'A001', print?: PrintJobView, priorityReason: TicketView['priorityReason'] = null): IssuedTicket {
  const ticket = {
    id: '00000000-0000-4000-8000-000000000301',
    number,
    matterName: '企业设立登记',
    priority: priorityReason ? 1 : 0,
    priorityReason,
    issuedAt: '2026-03-02T02:00:00.000Z',
    source: 'kiosk',
  } as TicketView;
  return { ticket, peopleAhead: 2, estimatedWaitMinutes: 8, token: 'tok_abcdefghijklmnopqrstuv', progressUrl: 'https://hall.example/p/tok_abcdefghijklmnopqrstuv', hallName: '徐汇区行政服务中心', ...(print && { print }) };
}

export function printJob(status: PrintJobView['status']): PrintJobView {
  return { id: 'pj-1', ticketId: '00000000-0000-4000-8000-000000000301', deviceId: null, status, attempts: 1, reprint: false, lastError: null, paper: status === 'printed' ? 'printed' : status === 'failed' ? 'not_printed' : 'unknown', updatedAt: '2026-03-02T02:00:00.000Z' };
}

type Answer<T> = Ack<T> | Promise<Ack<T>>;
const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

export interface FakeApi extends KioskApi {
  calls: { issue: IssueBody[]; checkIn: CheckInBody[]; pickup: PickupBody[]; printJob: string[]; snapshots: number };
  onMe: () => Answer<DeviceMe>;
  onSnapshot: () => Answer<PublicHallSnapshot>;
  onIssue: (body: IssueBody) => Answer<IssuedTicket>;
  onPrintJob: (id: string) => Answer<PrintJobView>;
  /** Any shape: the flow must also survive an answer that is not a check-in result. */
  onCheckIn: (body: CheckInBody) => Answer<unknown>;
  onPickup: (body: PickupBody) => Answer<IssuedTicket & { caseNumber: string; pickupCounterNumber: number }>;
}

export function fakeApi(): FakeApi {
  const api: FakeApi = {
    calls: { issue: [], checkIn: [], pickup: [], printJob: [], snapshots: 0 },
    onMe: () => ok(deviceMe({ hallId: HALL_ID })),
    onSnapshot: () => ok(snapshot()),
    onIssue: () => ok(issuedTicket()),
    onPrintJob: () => ok(printJob('printing')),
    onCheckIn: () => ({ ok: false, error: { code: 'not_found', message: 'No route for POST /api/halls/x/appointments/check-in' } }),
    onPickup: () => ok({ ...issuedTicket(), caseNumber: '202603020001', pickupCounterNumber: 10 }),
    me: async () => api.onMe(),
    publicSnapshot: async () => {
      api.calls.snapshots++;
      return api.onSnapshot();
    },
    matters: async () => ok(MATTERS),
    issue: async (_hallId, body) => {
      api.calls.issue.push(body);
      return api.onIssue(body);
    },
    printJob: async (id) => {
      api.calls.printJob.push(id);
      return api.onPrintJob(id);
    },
    checkIn: async (_hallId, body) => {
      api.calls.checkIn.push(body);
      return api.onCheckIn(body) as Answer<CheckInResult>;
    },
    pickup: async (_hallId, body) => {
      api.calls.pickup.push(body);
      return api.onPickup(body);
    },
  };
  return api;
}

/** A promise settled from outside: an answer still "on the wire". */
export function deferred<T>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
