/** Typed socket.io event maps, shared by the server and every UI. */
import type { CaseFact } from './cases';
import type { Ack } from './errors';
import type { HallSeqBeat } from './heartbeat';
import type { AckedEvent, CommandInput, CommandResultOf } from './commands';
import type {
  CallView,
  CounterView,
  PublicCounterView,
  PrintJobView,
  PublicTicketView,
  TicketView,
} from './views';

import type { HallFact, PublicHallFact } from './facts';

export type { CaseFactType, FactType, HallFact, HallFactOf, PublicHallFact } from './facts';

/**
 * A manager's notice for the wall display (public: no personal data). The newest notice replaces
 * any earlier one; show it while `until` is in the future. A cleared notice has empty text and until = at.
 */
export interface HallNotice {
  id: string;
  text: string;
  at: string;
  until: string;
}

/** A wait or handling target alert, sent to managers and to the counters that can serve the ticket. */
export interface TicketAlert {
  kind: 'at_risk' | 'breached' | 'handling_overdue';
  /** Wait deadline (waitStartAt + target) or handling deadline (startedAt + handling target). */
  deadline: string;
  targetMinutes: number;
  /** Minutes waited (or handled) when the alert was raised. */
  elapsedMinutes: number;
  /** Counters open now that may call the ticket (for a serving ticket: its counter). */
  counterIds: string[];
}

export interface ServerHello {
  protocolVersion: number;
  serverTime: string;
  role: 'admin' | 'manager' | 'staff' | 'reviewer' | 'kiosk' | 'display' | 'counter_display' | 'evaluator_pad' | 'visitor';
  hallIds: string[];
}

/** A counter's workstation connected or went away (connection state: no seq). */
export interface CounterPresence {
  hallId: string;
  counterId: string;
  online: boolean;
}

/** A nudge without data (no seq): re-read over HTTP. To a counter's evaluator pad, and to a hall's staff room. */
export interface PadNudge {
  counterId: string;
}
/**
 * To a visitor's phone page: its ticket or case changed ('ticket', 'case'), or the queue it waits in
 * moved ('queue'). Carries nothing else: the page re-subscribes and gets its masked view again.
 */
export interface ProgressNudge {
  reason: 'ticket' | 'case' | 'queue';
}
export interface EvaluationChanged {
  hallId: string;
}

export interface ServerToClientEvents {
  'pad:nudge': (nudge: PadNudge) => void;
  'evaluation:changed': (changed: EvaluationChanged) => void;
  'progress:nudge': (nudge: ProgressNudge) => void;
  'counter:presence': (presence: CounterPresence) => void;
  'server:hello': (hello: ServerHello) => void;
  'hall:fact': (fact: HallFact) => void;
  'public:fact': (fact: PublicHallFact) => void;
  'hall:seq': (beat: HallSeqBeat) => void;
  /**
   * A paper ticket's print job changed: to the kiosk that prints it only (its device room), so the
   * kiosk's "请取走号票 / 打印失败" follows the printer without polling. The same change as the
   * staff 'print:status' fact, without the hall's seq (connection-scoped, like a nudge).
   */
  'kiosk:print': (job: PrintJobView) => void;
}

export type { CommandEvent, CommandResult } from './commands';

/** One entry per acked event of server/protocol/commands.ts: input as sent, ack as typed there. */
export type ClientToServerEvents = {
  [E in AckedEvent]: (input: CommandInput<E>, ack: (ack: Ack<CommandResultOf<E>>) => void) => void;
};
