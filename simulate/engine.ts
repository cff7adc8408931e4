/**
 * A discrete-event simulation of one hall day that drives the real domain code: the ticket state
 * machine (applyTicketAction), the wait-target rules (waitStart) and the calling rule of the
 * policy under test (for `ours`, the server's rankCandidates), all on an injected clock.
 *
 * Counters open at each session start. A free counter calls the first ticket its policy ranks
 * among the waiting tickets of its authorised matters (every policy is work-conserving). The kiosk
 * issues tickets only during sessions; after a session ends, counters finish the tickets already
 * waiting (overtime) and then close.
 */
import { manualClock } from '../server/domain/clock';
import { applyTicketAction, type TicketState } from '../server/domain/ticket-machine';
import type { QueueCandidate } from '../server/domain/routing-policy';
import { waitStart } from '../server/domain/wait-target';
import { MinHeap } from './heap';
import type { Policy } from './policies';
import type { Scenario, SimCounter, SimMatter } from './scenario';
import type { Visitor } from './visitors';

/** The simulated day is 2026-11-24 in UTC minutes: only differences matter. */
const DAY0 = Date.UTC(2026, 10, 24);
export const toDate = (minutes: number) => new Date(DAY0 + minutes * 60_000);
const toMinutes = (d: Date) => (d.getTime() - DAY0) / 60_000;

export interface TicketRecord {
  visitor: Visitor;
  matter: SimMatter;
  candidate: QueueCandidate;
  state: TicketState;
  /** Minutes after midnight. */
  waitStart: number;
  calledAt: number | null;
  counterId: string | null;
  /** Had appointment precedence (arrived by slot end + grace). */
  appointment: boolean;
}

export interface CounterRecord {
  id: string;
  busyMinutes: number;
  openMinutes: number;
  served: number;
}

export interface DayResult {
  tickets: TicketRecord[];
  counters: CounterRecord[];
  /** Tickets never called (no staffed counter serves their matter). */
  unserved: number;
}

type Event = { kind: 'arrive'; visitor: Visitor } | { kind: 'finish'; counter: CounterState } | { kind: 'open' } | { kind: 'close' };

interface CounterState {
  def: SimCounter;
  status: 'closed' | 'idle' | 'busy';
  idleSince: number;
  openSince: number;
  streak: number;
  current: TicketRecord | null;
  record: CounterRecord;
}

export function runDay(s: Scenario, visitors: readonly Visitor[], policy: Policy): DayResult {
  const clock = manualClock(toDate(0));
  const matters = new Map(s.matters.map((m) => [m.id, m]));
  const counters: CounterState[] = s.counters.map((def) => ({
    def,
    status: 'closed',
    idleSince: 0,
    openSince: 0,
    streak: 0,
    current: null,
    record: { id: def.id, busyMinutes: 0, openMinutes: 0, served: 0 },
  }));
  const events = new MinHeap<Event>();
  for (const v of visitors) events.push(v.arrival, { kind: 'arrive', visitor: v });
  for (const session of s.sessions) {
    events.push(session.start, { kind: 'open' });
    events.push(session.end, { kind: 'close' });
  }
  const waiting = new Set<TicketRecord>();
  const all: TicketRecord[] = [];
  const prefixSeq = new Map<string, number>();
  let inSession = false;

  const issue = (v: Visitor, now: number): TicketRecord => {
    const matter = matters.get(v.matterId)!;
    const grace = s.settings.appointmentGraceMinutes;
    const onTime = v.slot !== null && now <= v.slot.end + grace;
    const slot = onTime ? { start: toDate(v.slot!.start), end: toDate(v.slot!.end) } : null;
    const issuedAt = toDate(now);
    const start = waitStart(issuedAt, slot?.start ?? null);
    const n = (prefixSeq.get(matter.zone) ?? 0) + 1;
    prefixSeq.set(matter.zone, n);
    const record: TicketRecord = {
      visitor: v,
      matter,
      candidate: {
        id: `v${v.id}`,
        matterId: matter.id,
        priority: v.green ? 1 : 0,
        appointmentSlot: slot,
        issuedAt,
        waitStartAt: start,
        waitTargetMinutes: matter.targetMinutes,
        number: `${matter.zone}${String(n).padStart(3, '0')}`,
      },
      state: {
        status: 'waiting', matterId: matter.id, zoneId: matter.zone, counterId: null, targetCounterId: null, recallCount: 0,
        transferCount: 0, lastTransferReason: null, firstCalledAt: null, calledAt: null, startedAt: null, finishedAt: null,
      },
      waitStart: toMinutes(start),
      calledAt: null,
      counterId: null,
      appointment: onTime,
    };
    all.push(record);
    waiting.add(record);
    return record;
  };

  const act = (t: TicketRecord, action: Parameters<typeof applyTicketAction>[1]) => {
    const next = applyTicketAction(t.state, action);
    if (!next.ok) throw new Error(`simulation bug: ${action.type} refused (${next.code}) for ${t.candidate.id}`);
    t.state = next.value;
  };

  /** The counter calls its policy's first choice, if anything it may serve is waiting. */
  const tryCall = (c: CounterState, now: number): boolean => {
    const byId = new Map<string, TicketRecord>();
    for (const t of waiting) if (c.def.matterIds.has(t.matter.id)) byId.set(t.candidate.id, t);
    if (byId.size === 0) return false;
    const [first] = policy.rank([...byId.values()].map((t) => t.candidate), {
      now: clock.now(),
      consecutivePriorityCalls: c.streak,
      starvationGuard: s.settings.starvationGuard,
      appointmentGraceMinutes: s.settings.appointmentGraceMinutes,
      preferredMatterIds: c.def.preferredMatterIds,
    });
    const t = byId.get(first!.id)!;
    waiting.delete(t);
    act(t, { type: 'call', counterId: c.def.id, at: toDate(now) });
    act(t, { type: 'start', counterId: c.def.id, at: toDate(now + s.walkUpMinutes) });
    t.calledAt = now;
    t.counterId = c.def.id;
    c.streak = t.candidate.priority > 0 ? c.streak + 1 : 0;
    c.status = 'busy';
    c.current = t;
    const busy = s.walkUpMinutes + t.visitor.serviceMinutes;
    c.record.busyMinutes += busy;
    c.record.served++;
    events.push(now + busy, { kind: 'finish', counter: c });
    return true;
  };

  const close = (c: CounterState, now: number) => {
    c.status = 'closed';
    c.record.openMinutes += now - c.openSince;
  };

  const dispatchIdle = (now: number) => {
    const idle = counters.filter((c) => c.status === 'idle').sort((a, b) => a.idleSince - b.idleSince || a.def.number - b.def.number);
    for (const c of idle) tryCall(c, now);
  };

  for (let e = events.pop(); e; e = events.pop()) {
    const now = e.at;
    clock.set(toDate(now));
    const ev = e.value;
    switch (ev.kind) {
      case 'open':
        inSession = true;
        for (const c of counters) if (c.status === 'closed') Object.assign(c, { status: 'idle', idleSince: now, openSince: now });
        dispatchIdle(now);
        break;
      case 'close':
        inSession = false;
        for (const c of counters) if (c.status === 'idle') close(c, now);
        break;
      case 'arrive':
        issue(ev.visitor, now);
        dispatchIdle(now);
        break;
      case 'finish': {
        const c = ev.counter;
        act(c.current!, { type: 'finish', counterId: c.def.id, at: toDate(now) });
        c.current = null;
        if (!tryCall(c, now)) {
          if (inSession) Object.assign(c, { status: 'idle', idleSince: now });
          else close(c, now);
        }
        break;
      }
    }
  }
  return { tickets: all, counters: counters.map((c) => c.record), unserved: waiting.size };
}
