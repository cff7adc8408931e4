/**
 * Every socket command, defined once: its input schema, what its ack carries and the policy action
 * it needs. The client's `send` is typed from this map (a wrong event or payload does not compile)
 * and the server's handler map must have exactly one handler per entry
 * (server/socket/command-handlers.ts). Subscriptions are listed too: they take an ack like commands.
 */
import type { z } from 'zod';
import type { Action } from './permissions';
import * as cs from './case-schemas';
import type { CaseAtCounter, CaseView } from './cases';
import type { ProgressView } from './progress';
import * as s from './schemas';
import type { CounterView, HallSnapshot, PrintJobView, PublicHallSnapshot, TicketView } from './views';

export interface CommandResult {
  ticket?: TicketView;
  counter?: CounterView;
  /** case:open, case:resume, case:intake: the case with its guide checklist. */
  caseAtCounter?: CaseAtCounter;
  /** case:find */
  cases?: CaseView[];
  /** case:hand-over */
  case?: CaseView;
  /** case:print: the job printing the case's paper again on the counter's printer. */
  printJob?: PrintJobView;
}

/** A hall snapshot over the socket also says which counters have a workstation online. */
export type StaffSubscription = HallSnapshot & { onlineCounterIds?: string[] };

interface CommandDef<R> {
  input: z.ZodType;
  action: Action;
  readonly result?: R;
}

const command =
  <R = CommandResult>() =>
  <const D extends Omit<CommandDef<R>, 'result'>>(def: D): D & { readonly result?: R } =>
    def as D & { readonly result?: R };

export const SUBSCRIPTIONS = {
  'hall:subscribe': command<StaffSubscription>()({ input: s.hallSubscribe, action: 'hall:snapshot' }),
  'public:subscribe': command<PublicHallSnapshot>()({ input: s.hallSubscribe, action: 'hall:public-snapshot' }),
  /** The phone page (a visitor socket): joins its own ticket's nudges and answers with the masked view of GET /api/progress/:token. */
  'progress:subscribe': command<ProgressView>()({ input: s.progressSubscribe, action: 'progress:subscribe' }),
} as const;

export const COMMANDS = {
  'counter:take': command()({ input: s.counterRef, action: 'counter:take' }),
  'counter:release': command()({ input: s.counterRef, action: 'counter:release' }),
  'counter:pause': command()({ input: s.counterPause, action: 'counter:pause' }),
  'counter:resume': command()({ input: s.counterRef, action: 'counter:resume' }),
  'ticket:call-next': command()({ input: s.counterRef, action: 'ticket:call-next' }),
  'ticket:call': command()({ input: s.ticketAtCounter, action: 'ticket:call' }),
  'ticket:recall': command()({ input: s.ticketAtCounter, action: 'ticket:recall' }),
  'ticket:start': command()({ input: s.ticketAtCounter, action: 'ticket:start' }),
  'ticket:finish': command()({ input: s.ticketAtCounter, action: 'ticket:finish' }),
  'ticket:no-show': command()({ input: s.ticketAtCounter, action: 'ticket:no-show' }),
  'ticket:park': command()({ input: s.ticketAtCounter, action: 'ticket:park' }),
  'ticket:call-back': command()({ input: s.ticketAtCounter, action: 'ticket:call-back' }),
  'ticket:reactivate': command()({ input: s.ticketReactivate, action: 'ticket:reactivate' }),
  /** With `counterId`: transfer from one's counter; without: move a ticket ('ticket:move', supervisors). */
  'ticket:transfer': command()({ input: s.ticketTransfer, action: 'ticket:transfer' }),
  'ticket:cancel': command()({ input: s.ticketCancel, action: 'ticket:cancel' }),
  'case:open': command()({ input: cs.caseOpen, action: 'case:counter' }),
  'case:find': command()({ input: cs.caseFind, action: 'case:counter' }),
  'case:resume': command()({ input: cs.caseResume, action: 'case:counter' }),
  'case:intake': command()({ input: cs.caseIntake, action: 'case:counter' }),
  'case:hand-over': command()({ input: cs.caseHandOver, action: 'case:counter' }),
  'case:print': command()({ input: cs.casePrint, action: 'case:counter' }),
} as const;

export type CommandEvent = keyof typeof COMMANDS;
export type SubscriptionEvent = keyof typeof SUBSCRIPTIONS;
type AnyCommands = typeof COMMANDS & typeof SUBSCRIPTIONS;
export type AckedEvent = keyof AnyCommands;

/** What a client sends (before defaults), what the server's handler receives (parsed), what the ack carries. */
export type CommandInput<E extends AckedEvent> = z.input<AnyCommands[E]['input']>;
export type ParsedCommandInput<E extends AckedEvent> = z.output<AnyCommands[E]['input']>;
export type CommandResultOf<E extends AckedEvent> = AnyCommands[E] extends { readonly result?: infer R } ? R : never;
