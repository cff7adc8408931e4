/**
 * Check-in at the kiosk (or by staff) with the booking code or the identity number. On time —
 * up to slot end + grace — the ticket carries the slot (issueTicket with an AppointmentClaim), so
 * its wait counts from slot start and it has appointment precedence. Later arrivals get a walk-in
 * ticket and are told so; the appointment is recorded as 'late' (counted like a no-show).
 *
 * One transaction: the guarded appointment UPDATE (booked|no_show → checked_in|late, recording the
 * commandId and the ticket) runs inside issueTicket's transaction (its onIssued hook), so the
 * ticket and the appointment's new state commit together or not at all. A retry with the same
 * commandId replays the first result; any other check-in of a claimed appointment is refused.
 * 'no_show' is claimable on time too: the no-show job marks only after slot end + grace, so a
 * no_show seen inside that window is the job racing this check-in, not a missed appointment.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { appointments } from '../../../db/schema-appointments';
import { serviceDate } from '../../domain/hall-time';
import { effectiveSettings } from '../../domain/wait-target';
import type { AppointmentCheckIn, AppointmentStatus, CheckInResult } from '../../protocol/appointments';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { issueTicket, type AppointmentClaim } from '../issue-ticket';
import { loadHall } from '../loaders';
import { decryptField } from '../pii';
import { presentHall } from '../presenters';
import { appointmentView, slotLabelOf, type AppointmentRow } from './present';
import { idNumberHash, type Lang } from './visitor';

const MINUTE = 60_000;

const NOTICES = {
  late: {
    'zh-CN': '您已超过预约时段（{slot}）及 {grace} 分钟宽限时间，本次按现场取号排队，不享受预约优先。',
    en: 'You arrived after your appointment slot ({slot}) and its {grace}-minute grace period, so this is a walk-in ticket without appointment precedence.',
  },
  early: {
    'zh-CN': '您的预约时段为 {slot}，时段开始后优先叫号，请留意叫号屏。',
    en: 'Your appointment slot is {slot}; you will be called with precedence once it starts. Please watch the display.',
  },
} as const;

export async function checkInAppointment(deps: AppDeps, actor: Actor, hallId: string, input: AppointmentCheckIn): Promise<CheckInResult> {
  authorize(actor, 'appointment:check-in', { hallId });
  const lang: Lang = input.language ?? 'zh-CN';
  const hall = presentHall(await loadHall(deps.db, hallId));
  const now = deps.clock.now();
  const today = serviceDate(now, hall.timeZone);
  const appt = await findForCheckIn(deps, hallId, input, today, lang);
  const slot = slotLabelOf(appt, hall.timeZone);

  const graceMinutes = effectiveSettings(hall.settings).appointmentGraceMinutes;
  const resuming = appt.checkInCommandId === input.commandId; // a retry of this very check-in
  if (!resuming) refuseUnusable(appt, today);
  const onTime = resuming ? appt.status === 'checked_in' : now.getTime() <= appt.slotEnd.getTime() + graceMinutes * MINUTE;
  const claim: AppointmentClaim | null = onTime ? { appointmentId: appt.id, slotStart: appt.slotStart, slotEnd: appt.slotEnd } : null;
  const claimable: AppointmentStatus[] = ['booked', 'no_show'];

  const issued = await issueTicket(
    deps,
    actor,
    hallId,
    { commandId: input.commandId, matterId: appt.matterId, idNumber: decryptField(deps.piiKey, appt.visitorIdEnc), language: lang },
    claim,
    {
      // Same transaction as the ticket: if this throws, neither the ticket nor the claim exists.
      onIssued: async (tx, ticket, at) => {
        const changed = await tx
          .update(appointments)
          .set({
            status: onTime ? 'checked_in' : 'late',
            checkedInAt: at,
            checkInCommandId: input.commandId,
            ticketId: ticket.id,
            ...(onTime && { noShowAt: null }),
          })
          .where(and(eq(appointments.id, appt.id), inArray(appointments.status, claimable)))
          .returning({ id: appointments.id });
        if (changed.length === 0) throw new AppError('conflict', 'This appointment was just checked in elsewhere');
      },
    },
  );

  // What was committed decides the answer (on a replay the hook did not run in this call).
  const [after] = await deps.db
    .select({ status: appointments.status, ticketId: appointments.ticketId, checkInCommandId: appointments.checkInCommandId })
    .from(appointments)
    .where(eq(appointments.id, appt.id));
  if (!after || after.checkInCommandId !== input.commandId || after.ticketId !== issued.ticket.id) {
    throw new AppError('conflict', 'This commandId was already used for another command');
  }
  const late = after.status === 'late';

  const fill = (text: string) => text.replace('{slot}', slot).replace('{grace}', String(effectiveSettings(hall.settings).appointmentGraceMinutes));
  const notice = late ? fill(NOTICES.late[lang]) : now < appt.slotStart ? fill(NOTICES.early[lang]) : null;
  // A code alone proves nothing about the person: the answer carries none of their data, masked or not.
  const { idMasked: _id, phoneMasked: _phone, ...appointment } = await appointmentView(deps.db, appt.id);
  const ticket = input.code !== undefined ? { ...issued.ticket, visitorIdMasked: null } : issued.ticket;
  return { issued: { ...issued, ticket }, appointment, walkIn: late, notice };
}

function refuseUnusable(appt: AppointmentRow, today: string): void {
  if (appt.status === 'cancelled') throw new AppError('invalid_transition', 'This appointment was cancelled');
  if (appt.status === 'checked_in' || appt.status === 'late') {
    throw new AppError('conflict', 'This appointment has already been checked in; your ticket was issued then');
  }
  if (appt.serviceDate !== today) {
    throw new AppError('appointment_not_today', `This appointment is for ${appt.serviceDate}; please come back on that day`);
  }
}

async function findForCheckIn(deps: AppDeps, hallId: string, input: AppointmentCheckIn, today: string, lang: Lang): Promise<AppointmentRow> {
  if (input.code !== undefined) {
    const [row] = await deps.db.select().from(appointments).where(eq(appointments.code, input.code.trim().toUpperCase()));
    if (!row || row.hallId !== hallId) throw new AppError('not_found', 'No appointment in this hall has this code');
    return row;
  }
  const { hash } = idNumberHash(deps.piiKey, input.idNumber!, today, lang);
  const rows = await deps.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.hallId, hallId), eq(appointments.serviceDate, today), eq(appointments.visitorIdHash, hash)))
    .orderBy(asc(appointments.slotStart));
  const pick =
    rows.find((r) => r.checkInCommandId === input.commandId) ??
    rows.find((r) => r.status === 'booked') ??
    rows.find((r) => r.status === 'no_show') ??
    rows.find((r) => r.status === 'checked_in' || r.status === 'late');
  if (!pick) throw new AppError('not_found', 'No appointment today in this hall for this identity number');
  return pick;
}
