/**
 * A discrete-event simulation of one hall day that drives the real domain code: the ticket state
 * machine (applyTicketAction), the wait-target rules (waitStart) and the calling rule of the
 * policy under test (for `ours`, the server's rankCandidates), all on an injected clock.
 *
 * Counters follow their schedule (duties with breaks). An on-duty counter that is free calls the
 * first ticket its policy ranks among the waiting tickets of its duty's matters. At a break it
 * finishes its visitor first and then takes the whole break (a break is shifted, never shortened); at the end of a session it keeps serving who is still waiting for
 * it, and that time is counted as overtime. A visitor who is gone when called (a walk-in no-show,
 * or someone who gave up waiting) costs the counter the call and is marked no-show.
 */
import { manualClock } from '../server/domain/clock';
import { applyTicketAction, type TicketState } from '../server/domain/ticket-machine';
import { callBeforeBreak, type QueueCandidate, type RoutingContext } from '../server/domain/routing-policy';
import { waitStart } from '../server/domain/wait-target';
import { MinHeap } from './heap';
import type { Policy } from './policies';
import type { Duty, Scenario, SimCounter, SimMatter } from './scenario';
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
  /** Gone when called: gave up waiting (not a walk-in no-show). */
  abandoned: boolean;
}

export interface CounterRecord {
  id: string;
  busyMinutes: number;
  scheduledMinutes: number;
  /** Busy minutes after the end of a session's schedule. */
  overtimeMinutes: number;
  served: number;
}

export interface DayResult {
  tickets: TicketRecord[];
  counters: CounterRecord[];
  /** Tickets never called (no counter on duty serves their matter). */
  unserved: number;
}

type Event =
  | { kind: 'arrive'; visitor: Visitor }
  | { kind: 'finish'; counter: CounterState }
  | { kind: 'on'; counter: CounterState; duty: Duty; deferred?: boolean }
  | { kind: 'off'; counter: CounterState; duty: Duty };

interface CounterState {
  def: SimCounter;
  status: 'off' | 'idle' | 'busy';
  /** The duty being worked, or the session just ended (overtime) while busy. */
  duty: Duty | null;
  /** The scheduled duty has ended while serving. */
  ending: boolean;
  /** Break minutes still owed: the break began while serving, so it starts when the visitor leaves. */
  breakOwed: number;
  /** The duty to return to after an owed break. */
  returnDuty: Duty | null;
  /** Back from a shifted break at this minute (scheduled returns before it are ignored). */
  returnAt: number;
  idleSince: number;
  streak: number;
  /** This break was already put off for one priority visitor. */
  deferredBreak: boolean;
  current: TicketRecord | null;
  record: CounterRecord;
}

export function runDay(s: Scenario, visitors: readonly Visitor[], policy: Policy): DayResult {
  const clock = manualClock(toDate(0));
  const matters = new Map(s.matters.map((m) => [m.id, m]));
  const counters: CounterState[] = s.counters.map((def) => ({
    def,
    status: 'off',
    duty: null,
    ending: false,
    breakOwed: 0,
    returnDuty: null,
    returnAt: 0,
    idleSince: 0,
    streak: 0,
    deferredBreak: false,
    current: null,
    record: { id: def.id, busyMinutes: 0, scheduledMinutes: def.duties.reduce((a, d) => a + d.end - d.start, 0), overtimeMinutes: 0, served: 0 },
  }));
  const events = new MinHeap<Event>();
  // Schedule changes first at equal times (a counter going on duty at 09:00 sees the 09:00 arrivals).
  for (const c of counters) for (const duty of c.def.duties) {
    events.push(duty.start, { kind: 'on', counter: c, duty });
    events.push(duty.end, { kind: 'off', counter: c, duty });
  }
  for (const v of visitors) events.push(v.arrival, { kind: 'arrive', visitor: v });
  const waiting = new Set<TicketRecord>();
  const all: TicketRecord[] = [];
  const prefixSeq = new Map<string, number>();
  const grace = s.settings.appointmentGraceMinutes;

  const issue = (v: Visitor, now: number): void => {
    const matter = matters.get(v.matterId)!;
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
      abandoned: false,
    };
    all.push(record);
    waiting.add(record);
  };

  const act = (t: TicketRecord, action: Parameters<typeof applyTicketAction>[1]) => {
    const next = applyTicketAction(t.state, action);
    if (!next.ok) throw new Error(`simulation bug: ${action.type} refused (${next.code}) for ${t.candidate.id}`);
    t.state = next.value;
  };

  const busyFor = (c: CounterState, now: number, minutes: number) => {
    c.record.busyMinutes += minutes;
    if (!c.duty?.closing) return; // a visitor past a break's start delays the break, not the day
    const scheduledEnd = c.ending ? now : c.duty.end;
    c.record.overtimeMinutes += Math.max(0, now + minutes - Math.max(now, scheduledEnd));
  };

  const contextOf = (c: CounterState): RoutingContext => ({
    now: clock.now(),
    consecutivePriorityCalls: c.streak,
    starvationGuard: s.settings.starvationGuard,
    appointmentGraceMinutes: grace,
    earlyAppointmentMinutes: s.settings.earlyAppointmentMinutes,
    waitCapMinutes: s.settings.waitCapMinutes,
    preferredMatterIds: c.def.preferredMatterIds,
  });

  /**
   * The counter calls its policy's first choice, if anything it may serve is waiting — or, with
   * `pick`, that function's choice (the one visitor a counter whose break is due still calls).
   */
  const tryCall = (c: CounterState, now: number, pick?: typeof callBeforeBreak): boolean => {
    const duty = c.duty;
    if (!duty) return false;
    const byId = new Map<string, TicketRecord>();
    for (const t of waiting) if (duty.matterIds.has(t.matter.id)) byId.set(t.candidate.id, t);
    if (byId.size === 0) return false;
    const candidates = [...byId.values()].map((t) => t.candidate);
    const first = pick ? pick(candidates, contextOf(c)) : policy.rank(candidates, contextOf(c))[0];
    if (!first) return false;
    const t = byId.get(first.id)!;
    waiting.delete(t);
    act(t, { type: 'call', counterId: c.def.id, at: toDate(now) });
    t.calledAt = now;
    t.counterId = c.def.id;
    c.streak = t.candidate.priority > 0 ? c.streak + 1 : 0;
    c.status = 'busy';
    c.current = t;
    // Patience runs from the wait start: an appointment visitor who came early does not give up before the slot.
    const gone = t.visitor.noShow || now - t.waitStart > t.visitor.patience;
    let busy: number;
    if (gone) {
      t.abandoned = !t.visitor.noShow;
      busy = s.absentCallMinutes;
    } else {
      act(t, { type: 'start', counterId: c.def.id, at: toDate(now + s.walkUpMinutes) });
      busy = s.walkUpMinutes + t.visitor.serviceMinutes;
      c.record.served++;
    }
    busyFor(c, now, busy);
    events.push(now + busy, { kind: 'finish', counter: c });
    return true;
  };

  const goOff = (c: CounterState) => Object.assign(c, { status: 'off', duty: null, ending: false });
  const goIdle = (c: CounterState, now: number) => Object.assign(c, { status: 'idle', idleSince: now });

  const dispatchIdle = (now: number) => {
    const idle = counters.filter((c) => c.status === 'idle').sort((a, b) => a.idleSince - b.idleSince || a.def.number - b.def.number);
    for (const c of idle) tryCall(c, now);
  };

  for (let e = events.pop(); e; e = events.pop()) {
    const now = e.at;
    clock.set(toDate(now));
    const ev = e.value;
    switch (ev.kind) {
      case 'on': {
        const c = ev.counter;
        // A break shifted by a long visit is taken in full: the scheduled return waits for it.
        if (c.breakOwed > 0) {
          c.returnDuty = ev.duty;
          break;
        }
        if (!ev.deferred && now < c.returnAt) break;
        if (now >= ev.duty.end) {
          // The shifted break ran past this whole duty: at a session's end the counter still
          // serves who is waiting for it (overtime); otherwise the next duty brings it back.
          if (ev.duty.closing && c.status === 'off') {
            Object.assign(c, { duty: ev.duty, ending: true, status: 'idle' });
            if (!tryCall(c, now)) goOff(c);
          }
          break;
        }
        Object.assign(c, { duty: ev.duty, ending: false });
        if (c.status === 'off') {
          goIdle(c, now);
          tryCall(c, now);
        }
        break;
      }
      case 'off': {
        const c = ev.counter;
        if (c.duty !== ev.duty) break; // already replaced by the next duty
        if (c.status === 'idle') goOff(c);
        else if (c.status === 'busy') {
          c.ending = true;
          if (!ev.duty.closing) {
            const next = c.def.duties.find((d) => d.start >= ev.duty.end);
            c.breakOwed = next ? next.start - ev.duty.end : 0;
            c.returnDuty = null;
          }
        }
        break;
      }
      case 'arrive':
        issue(ev.visitor, now);
        dispatchIdle(now);
        break;
      case 'finish': {
        const c = ev.counter;
        const t = c.current!;
        act(t, t.state.status === 'called' ? { type: 'no_show', counterId: c.def.id, at: toDate(now) } : { type: 'finish', counterId: c.def.id, at: toDate(now) });
        c.current = null;
        c.status = 'idle';
        // A break waits for the visitor to leave, then lasts its full length; the end of a
        // session serves who is still waiting.
        // A counter whose break is due first calls a waiting green-channel or appointment
        // visitor who can still be served within target (once per break: callBeforeBreak).
        if (c.ending && !c.duty!.closing && policy.beforeBreak && !c.deferredBreak && tryCall(c, now, callBeforeBreak)) {
          c.deferredBreak = true;
          break;
        }
        if (c.ending && !c.duty!.closing) {
          c.deferredBreak = false;
          const duty = c.duty!;
          const back = c.returnDuty ?? c.def.duties.find((d) => d.start >= duty.end) ?? null;
          c.returnAt = now + c.breakOwed;
          Object.assign(c, { breakOwed: 0, returnDuty: null });
          goOff(c);
          if (back) events.push(c.returnAt, { kind: 'on', counter: c, duty: back, deferred: true });
        } else if (!tryCall(c, now)) {
          if (c.ending) goOff(c);
          else goIdle(c, now);
        }
        break;
      }
    }
  }
  return { tickets: all, counters: counters.map((c) => c.record), unserved: waiting.size };
}
