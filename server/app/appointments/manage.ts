/** Looking up and cancelling appointments (visitor: code + identity number; staff: by id), and the staff list. */
import { redactPersonalData } from '../../domain/free-text';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { appointmentSlotCounts, appointments } from '../../../db/schema-appointments';
import { effectiveSettings } from '../../domain/wait-target';
import type { AppointmentView, BookingReceipt } from '../../protocol/appointments';
import { authorize, may, SYSTEM, type Actor } from '../actor';
import { AppError } from '../app-error';
import { recordAudit } from '../audit';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentHall } from '../presenters';
import { runCommand } from '../run-command';
import { bookingQr } from './book';
import { appointmentView, readAppointments, type AppointmentRow } from './present';
import { idNumberLookupHash, visitorCallerKey, type Lang } from './visitor';

const MINUTE = 60_000;
const NOT_FOUND = 'No appointment matches this code and identity number';

/**
 * The visitor's own appointment: the code alone is not enough, the identity number must match.
 * Unknown code, wrong identity number and a malformed one get the same answer after the same
 * single query, so the look-up does not tell whether a code exists (issue #11 §7).
 */
async function findByCodeForVisitor(deps: AppDeps, code: string, idNumber: string): Promise<AppointmentRow> {
  const hash = idNumberLookupHash(deps.piiKey, idNumber);
  const [row] = await deps.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.code, code.trim().toUpperCase()), eq(appointments.visitorIdHash, hash ?? 'no-such-hash')));
  if (!row || !hash) throw new AppError('not_found', NOT_FOUND);
  return row;
}

export async function lookupBooking(deps: AppDeps, input: { code: string; idNumber: string }): Promise<BookingReceipt> {
  const row = await findByCodeForVisitor(deps, input.code, input.idNumber);
  return { appointment: await appointmentView(deps.db, row.id), qrSvg: await bookingQr(row.code) };
}

export async function cancelByVisitor(
  deps: AppDeps,
  input: { commandId: string; code: string; idNumber: string; language?: Lang | undefined },
): Promise<AppointmentView> {
  const found = await findByCodeForVisitor(deps, input.code, input.idNumber);
  const callerKey = visitorCallerKey(deps.piiKey, ['cancel', input.code, input.idNumber]);
  return runCommand(deps, { name: 'appointment:cancel', hallId: found.hallId, actor: SYSTEM, commandId: input.commandId, callerKey }, ({ tx, now }) =>
    cancelInTx(tx, found.id, now, { enforceCutoff: true, reason: null }),
  );
}

export async function cancelByStaff(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  appointmentId: string,
  input: { commandId: string; reason?: string | undefined },
): Promise<AppointmentView> {
  authorize(actor, 'appointment:cancel', { hallId });
  return runCommand(deps, { name: 'appointment:cancel', hallId, actor, commandId: input.commandId }, async ({ tx, now }) => {
    const [row] = await tx.select({ hallId: appointments.hallId }).from(appointments).where(eq(appointments.id, appointmentId));
    if (!row || row.hallId !== hallId) throw new AppError('not_found', 'Appointment not found in this hall');
    // Managers may cancel after the cut-off (e.g. the hall closes); counter staff keep to the visitor's rule.
    return cancelInTx(tx, appointmentId, now, { enforceCutoff: !may(actor, 'appointment:cancel-late', { hallId }), reason: input.reason === undefined ? null : redactPersonalData(input.reason) });
  });
}

async function cancelInTx(tx: Tx, id: string, now: Date, opts: { enforceCutoff: boolean; reason: string | null }): Promise<AppointmentView> {
  const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
  if (!row) throw new AppError('not_found', 'Appointment not found');
  if (row.status !== 'booked') throw new AppError('invalid_transition', `This appointment is ${row.status.replace('_', ' ')} and can no longer be cancelled`);
  const settings = effectiveSettings(presentHall(await loadHall(tx, row.hallId)).settings);
  const cutoff = new Date(row.slotStart.getTime() - settings.bookingCancelCutoffMinutes * MINUTE);
  if (opts.enforceCutoff && now > cutoff) {
    throw new AppError('cancel_too_late', `Appointments can be cancelled until ${settings.bookingCancelCutoffMinutes} minutes before the slot starts`);
  }
  await tx.update(appointments).set({ status: 'cancelled', cancelledAt: now, cancelReason: opts.reason }).where(and(eq(appointments.id, id), eq(appointments.status, 'booked')));
  await tx
    .update(appointmentSlotCounts)
    .set({ booked: sql`GREATEST(${appointmentSlotCounts.booked} - 1, 0)` })
    .where(and(eq(appointmentSlotCounts.hallId, row.hallId), eq(appointmentSlotCounts.matterId, row.matterId), eq(appointmentSlotCounts.slotStart, row.slotStart)));
  return appointmentView(tx, id);
}

export async function listAppointments(deps: AppDeps, actor: Actor, hallId: string, date: string): Promise<AppointmentView[]> {
  authorize(actor, 'appointment:list', { hallId });
  const rows = await readAppointments(deps.db, and(eq(appointments.hallId, hallId), eq(appointments.serviceDate, date)));
  await recordAudit(deps, actor, { action: 'appointments:list', hallId, subject: date, detail: { appointments: rows.length } });
  return rows.map((r) => r.view);
}
