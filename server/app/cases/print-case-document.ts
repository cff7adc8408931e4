/**
 * Case documents on the counter's printer (docs/cases.md "Printing at the counter"): the outcome's
 * paper — 受理回执 (受理, 容缺受理, 当场办结), 一次性告知书, 不予受理通知书 — is a print job written in the
 * outcome's transaction and sent after commit, through the same pipeline as queue tickets. A counter
 * without a printer gets no job: the workstation prints the same content from the browser.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { counters, halls, tickets } from '../../../db/schema';
import { cases, caseVisits } from '../../../db/schema-cases';
import type { StoredCaseDocumentPrint } from '../../../db/schema-printing';
import type { MatterGuideView } from '../../protocol/cases';
import type { PrintDocument, PrintJobView } from '../../protocol/views';
import type { CaseDocumentKind } from '../../../ticket-printer/types';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { lockOwnCounter } from '../counter-guard';
import type { AppDeps } from '../deps';
import { counterPrinterOf } from '../printing/counter-printers';
import { insertPrintJob, presentPrintJob } from '../printing/print-jobs';
import { progressUrl } from '../printing/ticket-print-data';
import { runCommand } from '../run-command';
import { hallOfCounter } from './case-context';
import type { CaseRow } from './case-store';
import { findGuide } from './matter-guide';

type CounterRow = typeof counters.$inferSelect;

/** The paper of a case as it stands: a notice while waiting for materials, the refusal, else the receipt once accepted. */
export function caseDocumentOf(c: Pick<CaseRow, 'status' | 'acceptedAt'>): CaseDocumentKind | null {
  if (c.status === 'notice') return 'case_notice';
  if (c.status === 'not_accepted') return 'case_refusal';
  return c.acceptedAt ? 'case_receipt' : null;
}

export function storedCaseDocument(input: {
  document: CaseDocumentKind;
  hall: { name: string; timeZone: string; hotline: string | null };
  caseRow: CaseRow;
  guide: MatterGuideView;
  counterNumber: number | null;
  token: string;
  publicBaseUrl: string;
  now: Date;
}): StoredCaseDocumentPrint {
  const c = input.caseRow;
  const n = c.notice;
  const listsItems = input.document === 'case_notice' || (input.document === 'case_receipt' && c.tolerated && n?.kind === 'tolerated');
  return {
    hallName: input.hall.name,
    caseNumber: c.number,
    matterName: input.guide.matterName,
    departmentName: input.guide.departmentName,
    issuedAt: input.now.toISOString(),
    timeZone: input.hall.timeZone,
    counterNumber: n?.counterNumber ?? input.counterNumber,
    dueDate: c.dueDate,
    onTheSpot: c.onTheSpot && c.status === 'closed',
    resultName: input.guide.resultName,
    delivery: c.delivery,
    items: listsItems ? (n?.items ?? []) : [],
    deadline: listsItems ? (n?.deadline ?? null) : null,
    reason: input.document === 'case_refusal' ? (c.reason ?? n?.reason ?? null) : null,
    contact: input.guide.contact,
    hotline: input.hall.hotline,
    progressUrl: progressUrl(input.publicBaseUrl, input.token),
    language: 'zh-CN',
  };
}

/**
 * Inside the outcome's transaction: the job for the counter's printer, or undefined when the counter
 * has none (or the case has no paper in its state). `ticketId` is the visitor's ticket at the counter:
 * its QR (the phone page) is the one printed.
 */
export async function addCaseDocumentJob(
  tx: Tx,
  deps: AppDeps,
  input: { counter: CounterRow; caseRow: CaseRow; guide: MatterGuideView; ticketId: string; reprint: boolean; now: Date },
): Promise<PrintJobView | undefined> {
  const document = caseDocumentOf(input.caseRow);
  if (!deps.printing || !document) return undefined;
  if (!counterPrinterOf(input.counter, deps.printing.defaultProfile).profile) return undefined;
  const [hall] = await tx.select().from(halls).where(eq(halls.id, input.caseRow.hallId));
  const [ticket] = await tx.select({ token: tickets.token }).from(tickets).where(eq(tickets.id, input.ticketId));
  if (!hall || !ticket) throw new AppError('not_found', 'Hall or ticket not found');
  const row = await insertPrintJob(tx, {
    hallId: input.caseRow.hallId,
    ticketId: input.ticketId,
    deviceId: null,
    counterId: input.counter.id,
    caseId: input.caseRow.id,
    document: document satisfies PrintDocument,
    reprint: input.reprint,
    now: input.now,
    payload: storedCaseDocument({
      document,
      hall: { name: hall.name, timeZone: hall.timeZone, hotline: hall.settings.hotline?.trim() || null },
      caseRow: input.caseRow,
      guide: input.guide,
      counterNumber: input.counter.number,
      token: ticket.token,
      publicBaseUrl: deps.publicBaseUrl,
      now: input.now,
    }),
  });
  return presentPrintJob(row);
}

/** The case's ticket at this counter (called or serving), else the ticket that opened it. */
export async function caseTicketAt(tx: Tx, c: Pick<CaseRow, 'id' | 'ticketId'>, counterId: string): Promise<string> {
  const [here] = await tx
    .select({ id: tickets.id })
    .from(caseVisits)
    .innerJoin(tickets, eq(tickets.id, caseVisits.ticketId))
    .where(and(eq(caseVisits.caseId, c.id), eq(tickets.counterId, counterId), inArray(tickets.status, ['called', 'serving'])))
    .orderBy(desc(tickets.issuedAt))
    .limit(1);
  return here?.id ?? c.ticketId;
}

/** case:print — print the case's paper again on the counter's printer (marked 补打). `no_printer` when it has none. */
export async function printCaseDocument(deps: AppDeps, actor: Actor, input: { commandId: string; counterId: string; caseId: string }): Promise<PrintJobView> {
  authorize(actor, 'case:counter');
  const hallId = await hallOfCounter(deps, input.counterId);
  const job = await runCommand(deps, { name: 'case:print', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const counter = await lockOwnCounter(tx, actor, 'case:counter', hallId, input.counterId);
    const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c || c.hallId !== hallId) throw new AppError('not_found', 'Case not found in this hall');
    if (!caseDocumentOf(c)) throw new AppError('invalid_transition', `Case ${c.number} is ${c.status}: it has no notice or receipt to print yet`);
    const guide = await findGuide(tx, c.matterId);
    if (!guide) throw new AppError('case_no_guide', 'This matter has no guide');
    const view = await addCaseDocumentJob(tx, deps, { counter, caseRow: c, guide, ticketId: await caseTicketAt(tx, c, counter.id), reprint: true, now });
    if (!view) throw new AppError('no_printer', `Counter ${counter.number} has no printer configured: print from the browser`);
    emit({ type: 'print:status', printJob: view, data: { reprint: true, number: c.number } });
    return view;
  });
  deps.printing?.dispatch(job.id);
  return job;
}
