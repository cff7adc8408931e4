/**
 * 统一出件: the visitor takes a pickup ticket at the kiosk by case number or identity number; the
 * pickup counter calls it like any ticket, checks the identity number against the case and hands
 * the result over, which closes the case (已领取).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tickets } from '../../../db/schema';
import { caseVisits, cases } from '../../../db/schema-cases';
import { applyCaseAction } from '../../domain/case-machine';
import { serviceDate } from '../../domain/hall-time';
import { idNumberMessages, validateIdNumber } from '../../protocol/identity-number';
import { maskIdNumber } from '../../protocol/masking';
import type { CaseView, PickupIssued } from '../../protocol/cases';
import { authorize, type Actor } from '../actor';
import { AppError, unwrap } from '../app-error';
import { lockOwnCounter } from '../counter-guard';
import type { AppDeps } from '../deps';
import { issueTicket } from '../issue-ticket';
import { loadHall } from '../loaders';
import { lookupHash } from '../pii';
import { runCommand } from '../run-command';
import { caseDay, caseEvent, hallOfCounter } from './case-context';
import { caseStateOf, caseView, loadCaseForUpdate, pickupCounter, writeCase } from './case-store';

export type { PickupIssued };

const STATUS_ZH: Record<string, string> = { intake: '收件中', notice: '待补正', accepted: '已受理', reviewing: '审查中', supplement: '补正中', approved: '已准予', producing: '制证中', posted: '已寄出', collected: '已领取', closed: '已办结' };

function checkedId(raw: string, today: string): string {
  const id = validateIdNumber(raw, today);
  if (!id.ok) {
    const message = idNumberMessages[id.reason]['zh-CN'];
    throw new AppError('validation_failed', message, { idNumber: message });
  }
  return id.value;
}

export async function issuePickupTicket(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  input: { commandId: string; caseNumber?: string | undefined; idNumber?: string | undefined; language?: 'zh-CN' | 'en' | undefined },
): Promise<PickupIssued> {
  authorize(actor, 'case:pickup-ticket', { hallId });
  const hall = await loadHall(deps.db, hallId);
  const today = serviceDate(deps.clock.now(), hall.timeZone);
  const pickup = await pickupCounter(deps.db, hallId);
  if (!pickup) throw new AppError('not_found', 'This hall has no pickup counter (统一出件窗口)');
  const idValue = input.idNumber ? checkedId(input.idNumber, today) : null;
  const where = input.caseNumber ? eq(cases.number, input.caseNumber) : eq(cases.visitorIdHash, lookupHash(deps.piiKey, idValue!));
  const found = await deps.db.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(and(eq(cases.hallId, hallId), where)).orderBy(asc(cases.readyAt));
  if (found.length === 0) throw new AppError('not_found', input.caseNumber ? `No case ${input.caseNumber} in this hall` : 'No case for this identity number in this hall');
  const ready = found.find((c) => c.status === 'ready');
  if (!ready) {
    const c = found[found.length - 1]!;
    throw new AppError('case_not_ready', `办件 ${c.number} 当前状态为“${STATUS_ZH[c.status] ?? c.status}”，暂不能领取`);
  }
  let caseNumber = ready.number;
  const issued = await issueTicket(
    deps,
    actor,
    hallId,
    { commandId: input.commandId, matterId: pickup.matterId, ...(idValue && { idNumber: idValue }), ...(input.language && { language: input.language }) },
    null,
    {
      onIssued: async (tx, ticket, now) => {
        // Lock the case: two kiosks cannot both hand out a pickup ticket for it.
        const c = await loadCaseForUpdate(tx, ready.id);
        if (c.status !== 'ready') throw new AppError('case_not_ready', `办件 ${c.number} 暂不能领取`);
        const open = await tx
          .select({ number: tickets.number })
          .from(caseVisits)
          .innerJoin(tickets, eq(tickets.id, caseVisits.ticketId))
          .where(and(eq(caseVisits.caseId, c.id), eq(caseVisits.kind, 'pickup'), inArray(tickets.status, ['waiting', 'called', 'serving', 'parked']), eq(tickets.serviceDate, ticket.serviceDate)));
        if (open.length) throw new AppError('conflict', `办件 ${c.number} 已取领取号 ${open[0]!.number}，请留意叫号`);
        await tx.insert(caseVisits).values({ ticketId: ticket.id, caseId: c.id, kind: 'pickup', at: now });
        caseNumber = c.number;
      },
    },
  );
  return { ...issued, caseNumber, pickupCounterNumber: pickup.number };
}

/** The pickup counter checks the identity number against the case and hands the result over. */
export async function handOver(deps: AppDeps, actor: Actor, input: { commandId: string; counterId: string; caseId: string; idNumber: string }): Promise<CaseView> {
  authorize(actor, 'case:counter');
  const hallId = await hallOfCounter(deps, input.counterId);
  return runCommand(deps, { name: 'case:hand-over', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    const counter = await lockOwnCounter(tx, actor, 'case:counter', hallId, input.counterId);
    const c = await loadCaseForUpdate(tx, input.caseId);
    if (c.hallId !== hallId) throw new AppError('not_found', 'Case not found in this hall');
    const day = await caseDay(tx, hallId, now);
    if (c.status !== 'ready') throw new AppError('case_not_ready', `办件 ${c.number} 当前状态为“${STATUS_ZH[c.status] ?? c.status}”，不能领取`);
    const id = checkedId(input.idNumber, day.today);
    if (c.visitorIdHash && c.visitorIdHash !== lookupHash(deps.piiKey, id)) {
      throw new AppError('case_identity_mismatch', '证件号码与办件申请人不一致，不能领取');
    }
    const next = unwrap(applyCaseAction(caseStateOf(c), { type: 'collect', at: now, date: day.today }));
    const row = await writeCase(tx, c.id, next);
    emit(caseEvent('case:collected', row, day, { counterNumber: counter.number, collectorIdMasked: maskIdNumber(id) }));
    return caseView(tx, c.id, day.calendar, now);
  });
}
