/**
 * Hall facts, declared once per `type`: what staff see (`FactPayloads`), what a public screen may
 * see (derived: `PublicPayloads`) and what the audit log keeps (`AuditRecord`: the fields derived
 * from the payload plus the type's own `AuditExtras`). The server builds every fact, its public
 * view and its `ticket_events.data` row from these types (server/app/run-command.ts,
 * server/socket/public-fact.ts); `ticket_events.data` is typed by `AuditRecord` (db/schema.ts).
 */
import type { CaseFact } from './cases';
import type { HallNotice, TicketAlert } from './events';
import type { CallView, CounterView, PrintJobView, PublicCounterView, PublicTicketView, TicketSource, TicketView } from './views';

type CaseFactTypes =
  | 'case:opened' | 'case:noticed' | 'case:resumed' | 'case:accepted' | 'case:not-accepted' | 'case:completed' | 'case:reviewing'
  | 'case:supplement-requested' | 'case:supplied' | 'case:approved' | 'case:refused' | 'case:producing' | 'case:ready' | 'case:posted'
  | 'case:delivered' | 'case:collected' | 'case:withdrawn' | 'case:promise-kept' | 'case:at-risk' | 'case:overdue' | 'case:promise-overdue';

/** A ticket moved at a counter; the call is there when the move is announced (call, recall, call-back). */
type AtCounter = { ticket: TicketView; counter: CounterView; call?: CallView };

/** The staff view of each fact type: the records it carries besides seq, hallId, type and at. */
export interface FactPayloads extends Record<CaseFactTypes, { case: CaseFact }> {
  'ticket:issued': { ticket: TicketView };
  'ticket:called': AtCounter;
  'ticket:recalled': AtCounter;
  'ticket:started': AtCounter;
  'ticket:finished': AtCounter;
  'ticket:no-show': AtCounter;
  'ticket:parked': AtCounter;
  'ticket:called-back': AtCounter;
  'ticket:reactivated': { ticket: TicketView };
  /** From a counter (the counter it left), or a waiting ticket moved by a manager. */
  'ticket:transferred': { ticket: TicketView; counter?: CounterView };
  'ticket:cancelled': { ticket: TicketView };
  'ticket:at-risk': { ticket: TicketView; alert: TicketAlert };
  'ticket:breached': { ticket: TicketView; alert: TicketAlert };
  'ticket:handling-overdue': { ticket: TicketView; counter?: CounterView; alert: TicketAlert };
  'counter:opened': { counter: CounterView };
  'counter:closed': { counter: CounterView };
  'counter:paused': { counter: CounterView };
  'counter:resumed': { counter: CounterView };
  /** Configuration changed: re-snapshot. A counter's own change carries the counter. */
  'hall:configured': { counter?: CounterView };
  'hall:notice': { notice: HallNotice };
  /** A paper ticket's print job changed (staff only). */
  'print:status': { printJob: PrintJobView };
}

export type FactType = keyof FactPayloads;
export type CaseFactType = CaseFactTypes;

/** Every record a fact may carry. */
type PayloadKey = 'ticket' | 'counter' | 'call' | 'printJob' | 'alert' | 'notice' | 'case';
export type Absent<P> = { [K in Exclude<PayloadKey, keyof P>]?: undefined };

interface FactBase<T extends FactType> {
  /** The hall's event number: gapless, commit order. */
  seq: number;
  hallId: string;
  type: T;
  at: string;
}

/** A committed change as staff see it, discriminated by `type`. */
export type HallFact = { [T in FactType]: FactBase<T> & FactPayloads[T] & Absent<FactPayloads[T]> }[FactType];
export type HallFactOf<T extends FactType> = Extract<HallFact, { type: T }>;

/** What a public screen may see of a payload: tickets and counters in their public views, the call and the notice; never print jobs, alerts or cases. */
export type PublicPayload<P> = {
  [K in keyof P as K extends 'ticket' | 'counter' | 'call' | 'notice' ? K : never]: K extends 'ticket' ? PublicTicketView : K extends 'counter' ? PublicCounterView : P[K];
};
type PublicKey = 'ticket' | 'counter' | 'call' | 'notice';
export type PublicPayloads = { [T in FactType]: PublicPayload<FactPayloads[T]> };

/** The same change as public screens may see it. Same `seq`. */
export type PublicHallFact = { [T in FactType]: FactBase<T> & PublicPayloads[T] & { [K in Exclude<PublicKey, keyof PublicPayloads[T]>]?: undefined } }[FactType];

/** What a case fact's audit row adds (no personal data: an identity number only masked). */
interface CaseAuditExtra {
  counterNumber?: number;
  ticketNumber?: string;
  note?: string;
  promiseDate?: string | null;
  elapsedDays?: number;
  limitDays?: number | null;
  collectorIdMasked?: string;
  [more: string]: unknown;
}

type ReasonOnly = { reason?: string };
/** A type whose audit row keeps only what its payload gives. */
type NoExtras = Record<never, never>;

/** What each fact type's audit row adds to the fields derived from its payload. */
export interface AuditExtras extends Record<CaseFactTypes, CaseAuditExtra> {
  'ticket:issued': { source: TicketSource };
  'ticket:called': NoExtras;
  'ticket:recalled': NoExtras;
  'ticket:started': NoExtras;
  'ticket:finished': NoExtras;
  'ticket:no-show': NoExtras;
  'ticket:parked': NoExtras;
  'ticket:called-back': NoExtras;
  'ticket:reactivated': ReasonOnly;
  'ticket:transferred': { reason: string; fromMatterId: string; fromCounterId: string | null };
  /** By a person (reason), or by the end of the service day (reason and the day closed). */
  'ticket:cancelled': ReasonOnly & { serviceDate?: string };
  'ticket:at-risk': { alert: TicketAlert };
  'ticket:breached': { alert: TicketAlert };
  'ticket:handling-overdue': { alert: TicketAlert };
  'counter:opened': ReasonOnly;
  'counter:closed': ReasonOnly;
  'counter:paused': ReasonOnly;
  'counter:resumed': ReasonOnly;
  'hall:configured': HallConfiguredAudit;
  'hall:notice': { notice: HallNotice; minutes?: number; cleared?: true };
  'print:status': { reprint?: true; number?: string };
}

/** What changed in a hall's configuration; a tidal counter change keeps its reason and the matters before and after. */
export interface HallConfiguredAudit {
  what: 'hall' | 'zone' | 'zone-deleted' | 'matter' | 'counter' | 'counter-matters' | 'counter-breaks' | 'device' | 'department';
  id?: string;
  code?: string;
  name?: string;
  fields?: string[];
  reason?: string;
  before?: string[];
  after?: string[];
}

/** The audit fields every row derives from its fact's payload (server/app/run-command.ts `auditRecord`). */
export interface DerivedAudit {
  number?: string;
  status?: TicketView['status'];
  matterId?: string;
  counterId?: string | null;
  targetCounterId?: string | null;
  counterStatus?: CounterView['status'];
  pauseReason?: string | null;
  call?: CallView;
  caseId?: string;
  caseNumber?: string;
  caseStatus?: CaseFact['status'];
  printJob?: Pick<PrintJobView, 'id' | 'status' | 'attempts' | 'reprint' | 'lastError' | 'deviceId'>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** One audit row's data for a given fact type. */
export type AuditRecordOf<T extends FactType> = DerivedAudit & AuditExtras[T];
/** `ticket_events.data` as read back: any type's row (each extra field optional). */
export type AuditRecord = DerivedAudit & Partial<UnionToIntersection<{ [T in Exclude<FactType, CaseFactTypes>]: AuditExtras[T] }[Exclude<FactType, CaseFactTypes>]>> & Partial<CaseAuditExtra>;

/** What a use case emits for a fact type: its payload, and its audit extras (required when the type has required ones). */
export type FactDraft = {
  [T in FactType]: { type: T } & FactPayloads[T] & Absent<FactPayloads[T]> & ({} extends AuditExtras[T] ? { data?: AuditExtras[T] } : { data: AuditExtras[T] });
}[FactType];
