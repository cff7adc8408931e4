/** A small public hall picture for the display's Node tests: two zones, four counters, a few tickets and calls. */
import type { CallView, PublicCounterView, PublicHallSnapshot, PublicTicketView } from '../../server/protocol/views';

export const FR = 'zone-fr';
export const ZR = 'zone-zr';

export function ticket(id: string, number: string, zoneId: string, status: PublicTicketView['status'], counter?: { id: string; number: number }): PublicTicketView {
  return {
    id,
    number,
    status,
    zoneId,
    matterId: `m-${zoneId}`,
    matterName: zoneId === FR ? '企业设立登记' : '社保登记',
    counterId: counter?.id ?? null,
    counterNumber: counter?.number ?? null,
    calledAt: counter ? '2026-03-05T01:59:00.000Z' : null,
    recallCount: 0,
  };
}

export function counter(
  number: number,
  zoneId: string | null,
  status: PublicCounterView['status'],
  current: string | null = null,
  pauseReason: string | null = null,
): PublicCounterView {
  const name = zoneId === FR ? '法人综合受理窗口' : '自然人综合受理窗口';
  return { id: `c${number}`, zoneId, number, name, type: 'comprehensive', status, pauseReason, currentTicketNumber: current };
}

export function call(seq: number, ticketId: string, number: string, counterNumber: number, at = '2026-03-05T02:00:00.000Z', recall = false): CallView {
  return { seq, ticketId, number, counterNumber, counterName: `窗口${counterNumber}`, matterName: '社保登记', at, recall };
}

export function demoSnapshot(): PublicHallSnapshot {
  return {
    protocolVersion: 1,
    seq: 20,
    serverTime: '2026-03-05T02:00:30.000Z',
    serviceDate: '2026-03-05',
    hall: { id: 'hall-1', name: '徐汇区行政服务中心', timeZone: 'Asia/Shanghai', announcementRepeat: 2 },
    zones: [
      { id: ZR, hallId: 'hall-1', code: 'ZR', name: '自然人服务区', sortOrder: 1 },
      { id: FR, hallId: 'hall-1', code: 'FR', name: '法人服务区', sortOrder: 0 },
    ],
    counters: [
      counter(5, ZR, 'open', 'C002'),
      counter(1, FR, 'open', 'A001'),
      counter(2, FR, 'paused', null, '休息'),
      counter(4, ZR, 'closed'),
      counter(6, ZR, 'open'),
    ],
    tickets: [
      ticket('t-a1', 'A001', FR, 'serving', { id: 'c1', number: 1 }),
      ticket('t-a2', 'A002', FR, 'waiting'),
      ticket('t-c2', 'C002', ZR, 'called', { id: 'c5', number: 5 }),
      ticket('t-c3', 'C003', ZR, 'waiting'),
      ticket('t-c4', 'C004', ZR, 'waiting'),
    ],
    waitingByZone: { [FR]: 1, [ZR]: 2 },
    recentCalls: [
      call(19, 't-c2', 'C002', 5, '2026-03-05T02:00:00.000Z'),
      call(17, 't-a1', 'A001', 1, '2026-03-05T01:58:00.000Z'),
      call(12, 't-c1', 'C001', 5, '2026-03-05T01:50:00.000Z'),
      call(11, 't-c1', 'C001', 5, '2026-03-05T01:49:00.000Z'),
    ],
  };
}
