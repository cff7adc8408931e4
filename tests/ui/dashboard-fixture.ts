/** A small staff-view hall picture for the dashboard's Node tests. NOW is 10:00 in Shanghai. */
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import type { CounterView, HallSnapshot, TicketView } from '../../server/protocol/views';

export const NOW = Date.parse('2026-03-05T02:00:00.000Z');
export const FR = 'zone-fr';
export const ZR = 'zone-zr';
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString();

export function ticket(id: string, number: string, o: Partial<TicketView> & { waitedMin?: number } = {}): TicketView {
  const { waitedMin = 1, ...rest } = o;
  return {
    id, number, status: 'waiting', zoneId: FR, matterId: 'm-general', matterName: '企业设立登记', counterId: null, counterNumber: null,
    calledAt: null, recallCount: 0, hallId: 'hall-1', serviceDate: '2026-03-05', complexity: 'general', source: 'kiosk', priority: 0,
    priorityReason: null, targetCounterId: null, issuedAt: ago(waitedMin), waitStartAt: ago(waitedMin), waitTargetMinutes: 10,
    firstCalledAt: null, startedAt: null, finishedAt: null, transferCount: 0, lastTransferReason: null, appointmentSlot: null,
    visitorIdMasked: null, ...rest,
  };
}

export function counter(number: number, o: Partial<CounterView> = {}): CounterView {
  return {
    id: `c${number}`, hallId: 'hall-1', zoneId: FR, number, name: '法人综合受理窗口', type: 'comprehensive', status: 'open',
    pauseReason: null, staffId: 's1', staffName: '李娜', matterIds: ['m-general', 'm-complex'], preferredMatterIds: [], active: true,
    currentTicketId: null, ...o,
  };
}

export function snapshot(): HallSnapshot {
  return {
    protocolVersion: 1,
    seq: 40,
    serverTime: new Date(NOW).toISOString(),
    serviceDate: '2026-03-05',
    hall: { id: 'hall-1', code: 'XH', name: '徐汇区行政服务中心', timeZone: 'Asia/Shanghai', sessions: [{ start: '09:00', end: '17:00' }], settings: DEFAULT_HALL_SETTINGS, level: 'district_centre', parentHallId: null },
    zones: [
      { id: FR, hallId: 'hall-1', code: 'FR', name: '法人服务区', sortOrder: 0 },
      { id: ZR, hallId: 'hall-1', code: 'ZR', name: '自然人服务区', sortOrder: 1 },
    ],
    matters: [
      { id: 'm-general', hallId: 'hall-1', zoneId: FR, code: 'G', name: '企业设立登记', department: 'd', complexity: 'general', ticketPrefix: 'A', waitTargetMinutes: 10, materials: [], legalLimitDays: null, promisedLimitDays: null, flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false }, active: true },
      { id: 'm-complex', hallId: 'hall-1', zoneId: FR, code: 'C', name: '企业注销登记', department: 'd', complexity: 'complex', ticketPrefix: 'B', waitTargetMinutes: 30, materials: [], legalLimitDays: null, promisedLimitDays: null, flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false }, active: true },
      { id: 'm-zr', hallId: 'hall-1', zoneId: ZR, code: 'Z', name: '社会保障卡补换', department: 'd', complexity: 'general', ticketPrefix: 'C', waitTargetMinutes: 10, materials: [], legalLimitDays: null, promisedLimitDays: null, flags: { zeroMaterial: false, fullyOnline: false, onTheSpot: false }, active: true },
    ],
    counters: [
      counter(1, { currentTicketId: 't-s1' }),
      counter(2, { currentTicketId: 't-c1', staffId: 's2', staffName: '张伟' }),
      counter(3, { status: 'paused', pauseReason: '会议' }),
      counter(4, { status: 'closed', staffId: null, staffName: null, zoneId: ZR, matterIds: ['m-zr'] }),
      counter(5, { zoneId: ZR, matterIds: ['m-zr'] }),
    ],
    tickets: [
      // general, target 10: 7.9 min → ok; 8 min → at risk (80 %); 12 min → breached
      ticket('t-w1', 'A001', { waitedMin: 7.9 }),
      ticket('t-w2', 'A002', { waitedMin: 8 }),
      ticket('t-w3', 'A003', { waitedMin: 12 }),
      // complex, target 30: 20 min → ok, 25 → at risk
      ticket('t-x1', 'B001', { waitedMin: 20, matterId: 'm-complex', matterName: '企业注销登记', complexity: 'complex', waitTargetMinutes: 30 }),
      ticket('t-x2', 'B002', { waitedMin: 25, matterId: 'm-complex', matterName: '企业注销登记', complexity: 'complex', waitTargetMinutes: 30 }),
      ticket('t-z1', 'C001', { waitedMin: 2, zoneId: ZR, matterId: 'm-zr', matterName: '社会保障卡补换' }),
      // serving at counter 1 for 25 min (handling target 20) and called at counter 2 two minutes ago
      ticket('t-s1', 'A090', { status: 'serving', waitedMin: 40, counterId: 'c1', counterNumber: 1, calledAt: ago(26), firstCalledAt: ago(26), startedAt: ago(25) }),
      ticket('t-c1', 'A091', { status: 'called', waitedMin: 9, counterId: 'c2', counterNumber: 2, calledAt: ago(2), firstCalledAt: ago(2) }),
      ticket('t-p1', 'A092', { status: 'parked', waitedMin: 50 }),
    ],
    recentCalls: [],
  };
}
