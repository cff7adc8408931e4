/**
 * The desk's staff tools beside the calling flow (issue #15 §7): 代取号 — a ticket for a visitor
 * without a phone or an identity number (DOMAIN: always possible; staff issue by exception outside
 * ticket hours too), 补打 — reprint a paper ticket, 今日预约 — today's appointments of the hall, and
 * 我的评价 — the staff member's own ratings (never the evaluator) with 申诉 on a bad review.
 * Plain TypeScript over the typed HTTP client, so the flow runs in Node tests with a fake request.
 *
 * A command keeps its commandId until the dialog closes (or its input changes): pressing Enter
 * twice, or retrying after a time-out, cannot issue two tickets or print twice.
 */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { AppointmentView } from '../../../server/protocol/appointments';
import type { StaffEvaluationView } from '../../../server/protocol/evaluations';
import type { IssuedTicket, PrintJobView } from '../../../server/protocol/views';
import { createApiClient, type RequestFn } from '../../../ui-shared/src/api-client';
import { createStore, type Store } from '../../../ui-shared/src/store';

export type ToolDialog = 'issue' | 'reprint' | 'appointments' | 'evaluations' | null;
export type GreenChannel = 'disabled' | 'military' | 'pregnant';

export type ToolResult =
  | { kind: 'issued'; issued: IssuedTicket }
  | { kind: 'reprinted'; number: string; job: PrintJobView }
  | { kind: 'appealed'; reviewId: string };

export interface StaffToolsDeps {
  request: RequestFn;
  token(): string | null;
  hallId(): string | null;
  /** The hall's service date (from the live snapshot). */
  serviceDate(): string | null;
  newCommandId?: () => string;
}

export interface StaffTools {
  dialog: Store<ToolDialog>;
  busy: Store<boolean>;
  error: Store<ErrorBody | null>;
  /** The last success, shown in the dialog until it closes. */
  result: Store<ToolResult | null>;
  appointments: Store<AppointmentView[] | null>;
  /** 我的评价: the caller's own ratings of the last 31 days, newest first (null while loading). */
  evaluations: Store<StaffEvaluationView[] | null>;
  /**
   * The ticket whose 补打 the server held back (reprint_unconfirmed: its last print may have come
   * out, the visitor may already hold the ticket): the dialog asks staff to check, then 确认补打.
   */
  confirmReprint: Store<string | null>;
  open(dialog: Exclude<ToolDialog, null>): void;
  close(): void;
  issue(matterId: string, greenChannel: GreenChannel | null): Promise<boolean>;
  /** `confirmMayHavePrinted` only after staff saw the warning and checked the visitor has no ticket. */
  reprint(ticket: { id: string; number: string }, confirmMayHavePrinted?: boolean): Promise<boolean>;
  loadAppointments(): Promise<void>;
  loadEvaluations(): Promise<void>;
  /** 申诉: contests a bad review of the caller's own service; a manager decides. A note is required. */
  appeal(reviewId: string, note: string): Promise<boolean>;
}

const defaultId = () => globalThis.crypto.randomUUID();
const localError = (message: string): ErrorBody => ({ code: 'validation_failed', message });

export function createStaffTools(deps: StaffToolsDeps): StaffTools {
  const newId = deps.newCommandId ?? defaultId;
  const dialog = createStore<ToolDialog>(null);
  const busy = createStore(false);
  const error = createStore<ErrorBody | null>(null);
  const result = createStore<ToolResult | null>(null);
  const appointments = createStore<AppointmentView[] | null>(null);
  const confirmReprint = createStore<string | null>(null);
  const evaluations = createStore<StaffEvaluationView[] | null>(null);
  const client = createApiClient(deps.request, deps.token);
  /** One commandId per thing being done: the same issue (matter + channel) or reprint (ticket). */
  let pending: { key: string; commandId: string } | null = null;
  const commandIdFor = (key: string) => {
    if (pending?.key !== key) pending = { key, commandId: newId() };
    return pending.commandId;
  };

  async function run<T>(key: string, call: (commandId: string) => Promise<{ ok: true; data: T } | { ok: false; error: ErrorBody }>): Promise<T | null> {
    if (busy.get()) return null;
    busy.set(true);
    error.set(null);
    result.set(null);
    confirmReprint.set(null);
    try {
      const r = await call(commandIdFor(key));
      if (!r.ok) {
        error.set(r.error);
        return null;
      }
      // The commandId stays until the dialog closes: pressing 取号 again on the same dialog replays the
      // same command (the same ticket), never a second one. A new visitor is a new dialog.
      return r.data;
    } finally {
      busy.set(false);
    }
  }

  const tools: StaffTools = {
    dialog,
    busy,
    error,
    result,
    appointments,
    evaluations,
    confirmReprint,
    open(d) {
      error.set(null);
      result.set(null);
      confirmReprint.set(null);
      pending = null;
      dialog.set(d);
      if (d === 'appointments') void tools.loadAppointments();
      if (d === 'evaluations') void tools.loadEvaluations();
    },
    close() {
      dialog.set(null);
      error.set(null);
      result.set(null);
      confirmReprint.set(null);
      pending = null;
    },
    async issue(matterId, greenChannel) {
      const hallId = deps.hallId();
      if (!hallId) return false;
      if (!matterId) {
        error.set(localError('matter_required'));
        return false;
      }
      const issued = await run(`issue:${matterId}:${greenChannel ?? ''}`, (commandId) =>
        client.call('issueTicket', {
          params: { hallId },
          body: { commandId, matterId, source: 'staff', ...(greenChannel && { greenChannel }) },
        }),
      );
      if (!issued) return false;
      result.set({ kind: 'issued', issued });
      return true;
    },
    async reprint(ticket, confirmMayHavePrinted = false) {
      // The confirmed reprint is another command than the refused one (its answer is kept per commandId).
      const key = `reprint:${ticket.id}${confirmMayHavePrinted ? ':confirmed' : ''}`;
      const job = await run(key, (commandId) =>
        client.call('reprintTicket', { params: { ticketId: ticket.id }, body: { commandId, ...(confirmMayHavePrinted && { confirmMayHavePrinted: true }) } }),
      );
      if (!job) {
        if (error.get()?.code === 'reprint_unconfirmed' && !confirmMayHavePrinted) {
          error.set(null);
          confirmReprint.set(ticket.id);
        }
        return false;
      }
      result.set({ kind: 'reprinted', number: ticket.number, job });
      return true;
    },
    async loadAppointments() {
      const hallId = deps.hallId();
      const date = deps.serviceDate();
      if (!hallId || !date) return;
      error.set(null);
      const r = await client.call('listAppointments', { params: { hallId }, query: { date } });
      if (!r.ok) {
        error.set(r.error);
        return;
      }
      appointments.set([...r.data].sort((a, b) => a.slotStart.localeCompare(b.slotStart) || a.code.localeCompare(b.code)));
    },
    async loadEvaluations() {
      error.set(null);
      const r = await client.call('myEvaluations', { query: {} });
      if (!r.ok) {
        error.set(r.error);
        return;
      }
      evaluations.set(r.data);
    },
    async appeal(reviewId, note) {
      if (!note.trim()) {
        error.set(localError('appeal_note_required'));
        return false;
      }
      const done = await run(`appeal:${reviewId}:${note.trim()}`, (commandId) =>
        client.call('badReviewStep', { params: { reviewId }, body: { commandId, action: 'appeal', note: note.trim() } }),
      );
      if (!done) return false;
      result.set({ kind: 'appealed', reviewId });
      await tools.loadEvaluations();
      return true;
    },
  };
  return tools;
}
