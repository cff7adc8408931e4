/** Typed socket.io event maps, shared by the server and every UI. */
import type { z } from 'zod';
import type * as cs from './case-schemas';
import type { CaseAtCounter, CaseFact, CaseView } from './cases';
import type { Ack } from './errors';
import type * as s from './schemas';
import type { HallSeqBeat } from './heartbeat';
import type {
  CallView,
  CounterView,
  HallSnapshot,
  PublicCounterView,
  PublicHallSnapshot,
  PrintJobView,
  PublicTicketView,
  TicketView,
} from './views';

export type FactType =
  | 'ticket:issued'
  | 'ticket:called'
  | 'ticket:recalled'
  | 'ticket:started'
  | 'ticket:finished'
  | 'ticket:no-show'
  | 'ticket:reactivated'
  | 'ticket:transferred'
  | 'ticket:parked'
  | 'ticket:called-back'
  | 'ticket:cancelled'
  | 'ticket:at-risk'
  | 'ticket:breached'
  | 'ticket:handling-overdue'
  | 'counter:opened'
  | 'counter:closed'
  | 'counter:paused'
  | 'counter:resumed'
  | 'hall:configured'
  | 'hall:notice'
  | 'print:status'
  | CaseFactType;

/** Case (办件) facts: staff rooms only (public facts carry only their seq and type). */
export type CaseFactType =
  | 'case:opened'
  | 'case:noticed'
  | 'case:resumed'
  | 'case:accepted'
  | 'case:not-accepted'
  | 'case:completed'
  | 'case:reviewing'
  | 'case:supplement-requested'
  | 'case:supplied'
  | 'case:approved'
  | 'case:refused'
  | 'case:producing'
  | 'case:ready'
  | 'case:posted'
  | 'case:delivered'
  | 'case:collected'
  | 'case:withdrawn'
  | 'case:promise-kept'
  | 'case:at-risk'
  | 'case:overdue'
  | 'case:promise-overdue';

/** A committed change, for staff and managers. `seq` is the hall's event number. */
export interface HallFact {
  seq: number;
  hallId: string;
  type: FactType;
  at: string;
  ticket?: TicketView;
  counter?: CounterView;
  call?: CallView;
  /** Only on 'print:status' (a paper ticket's job changed); never on public facts. */
  printJob?: PrintJobView;
  /** On ticket:at-risk / ticket:breached / ticket:handling-overdue. */
  alert?: TicketAlert;
  /** Only on 'hall:notice'. */
  notice?: HallNotice;
  /** Only on case:* facts. */
  case?: CaseFact;
}

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

/** The same change as public screens may see it. Same `seq`. */
export interface PublicHallFact {
  seq: number;
  hallId: string;
  type: FactType;
  at: string;
  ticket?: PublicTicketView;
  counter?: PublicCounterView;
  call?: CallView;
  /** Only on 'hall:notice'. */
  notice?: HallNotice;
}

export interface ServerHello {
  protocolVersion: number;
  serverTime: string;
  role: 'admin' | 'manager' | 'staff' | 'reviewer' | 'kiosk' | 'display' | 'counter_display' | 'evaluator_pad';
  hallIds: string[];
}

type Cb<T> = (ack: Ack<T>) => void;
type In<S extends z.ZodType> = z.input<S>;

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
export interface EvaluationChanged {
  hallId: string;
}

export interface ServerToClientEvents {
  'pad:nudge': (nudge: PadNudge) => void;
  'evaluation:changed': (changed: EvaluationChanged) => void;
  'counter:presence': (presence: CounterPresence) => void;
  'server:hello': (hello: ServerHello) => void;
  'hall:fact': (fact: HallFact) => void;
  'public:fact': (fact: PublicHallFact) => void;
  'hall:seq': (beat: HallSeqBeat) => void;
}

export interface CommandResult {
  ticket?: TicketView;
  counter?: CounterView;
  /** case:open, case:resume, case:intake: the case with its guide checklist. */
  caseAtCounter?: CaseAtCounter;
  /** case:find */
  cases?: CaseView[];
  /** case:hand-over */
  case?: CaseView;
}

export interface ClientToServerEvents {
  'hall:subscribe': (input: In<typeof s.hallSubscribe>, ack: Cb<HallSnapshot>) => void;
  'public:subscribe': (input: In<typeof s.hallSubscribe>, ack: Cb<PublicHallSnapshot>) => void;
  'counter:take': (input: In<typeof s.counterRef>, ack: Cb<CommandResult>) => void;
  'counter:release': (input: In<typeof s.counterRef>, ack: Cb<CommandResult>) => void;
  'counter:pause': (input: In<typeof s.counterPause>, ack: Cb<CommandResult>) => void;
  'counter:resume': (input: In<typeof s.counterRef>, ack: Cb<CommandResult>) => void;
  'ticket:call-next': (input: In<typeof s.counterRef>, ack: Cb<CommandResult>) => void;
  'ticket:call': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:recall': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:start': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:finish': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:no-show': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:park': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:call-back': (input: In<typeof s.ticketAtCounter>, ack: Cb<CommandResult>) => void;
  'ticket:reactivate': (input: In<typeof s.ticketReactivate>, ack: Cb<CommandResult>) => void;
  'ticket:transfer': (input: In<typeof s.ticketTransfer>, ack: Cb<CommandResult>) => void;
  'ticket:cancel': (input: In<typeof s.ticketCancel>, ack: Cb<CommandResult>) => void;
  'case:open': (input: In<typeof cs.caseOpen>, ack: Cb<CommandResult>) => void;
  'case:find': (input: In<typeof cs.caseFind>, ack: Cb<CommandResult>) => void;
  'case:resume': (input: In<typeof cs.caseResume>, ack: Cb<CommandResult>) => void;
  'case:intake': (input: In<typeof cs.caseIntake>, ack: Cb<CommandResult>) => void;
  'case:hand-over': (input: In<typeof cs.caseHandOver>, ack: Cb<CommandResult>) => void;
}

export type CommandEvent = Exclude<keyof ClientToServerEvents, 'hall:subscribe' | 'public:subscribe'>;
