/** Counter sessions: take, release, pause with a reason, resume. Pure. */
import type { CounterStatus } from '../protocol/views';
import { fail, ok, type Result } from './result';

export interface CounterState {
  status: CounterStatus;
  staffId: string | null;
  pauseReason: string | null;
}

export type CounterAction =
  | { type: 'take'; staffId: string }
  | { type: 'release'; staffId: string; hasActiveTicket: boolean; force?: boolean }
  | { type: 'pause'; staffId: string; reason: string; hasActiveTicket: boolean }
  | { type: 'resume'; staffId: string };

export function applyCounterAction(counter: CounterState, action: CounterAction): Result<CounterState> {
  switch (action.type) {
    case 'take':
      if (counter.status !== 'closed' && counter.staffId !== action.staffId) {
        return fail('counter_taken', 'Another staff member is signed in at this counter');
      }
      if (counter.status !== 'closed') return ok(counter); // taking it again is harmless
      return ok({ status: 'open', staffId: action.staffId, pauseReason: null });
    case 'release':
      if (counter.status === 'closed') return fail('counter_not_open', 'This counter is already closed');
      if (counter.staffId !== action.staffId && !action.force) return fail('forbidden', 'You are not signed in at this counter');
      if (action.hasActiveTicket) return fail('counter_busy', 'Finish, park or transfer the current ticket first');
      return ok({ status: 'closed', staffId: null, pauseReason: null });
    case 'pause':
      if (counter.status !== 'open') return fail('counter_not_open', 'Only an open counter can pause');
      if (counter.staffId !== action.staffId) return fail('forbidden', 'You are not signed in at this counter');
      if (action.hasActiveTicket) return fail('counter_busy', 'Finish, park or transfer the current ticket first');
      return ok({ ...counter, status: 'paused', pauseReason: action.reason });
    case 'resume':
      if (counter.status !== 'paused') return fail('invalid_transition', 'This counter is not paused');
      if (counter.staffId !== action.staffId) return fail('forbidden', 'You are not signed in at this counter');
      return ok({ ...counter, status: 'open', pauseReason: null });
  }
}

/** May this counter call a ticket now? */
export function checkCanCall(counter: CounterState, staffId: string, activeTicketId: string | null): Result<true> {
  if (counter.status === 'paused') return fail('counter_not_open', 'This counter is paused; resume it first');
  if (counter.status !== 'open') return fail('counter_not_open', 'Take this counter before calling');
  if (counter.staffId !== staffId) return fail('forbidden', 'You are not signed in at this counter');
  if (activeTicketId) return fail('counter_busy', 'Finish, park or transfer the current ticket first');
  return ok(true);
}
