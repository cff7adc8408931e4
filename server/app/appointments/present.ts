/** Appointment rows → AppointmentView (masked), and the joined read that feeds it. */
import { eq, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { halls, matters } from '../../../db/schema';
import { appointments } from '../../../db/schema-appointments';
import { localParts } from '../../domain/hall-time';
import { DEFAULT_HALL_SETTINGS, effectiveSettings } from '../../domain/wait-target';
import type { AppointmentView } from '../../protocol/appointments';
import type { HallSettings } from '../../protocol/views';

type Reader = Db | Tx;
export type AppointmentRow = typeof appointments.$inferSelect;

export interface AppointmentContext {
  hallName: string;
  matterName: string;
  timeZone: string;
  settings: HallSettings;
}

const MINUTE = 60_000;

/** '09:30–10:00' in the hall's time zone. */
export function slotLabelOf(a: { slotStart: Date; slotEnd: Date }, timeZone: string): string {
  return `${localParts(a.slotStart, timeZone).time}–${localParts(a.slotEnd, timeZone).time}`;
}

export function presentAppointment(a: AppointmentRow, ctx: AppointmentContext): AppointmentView {
  const settings = effectiveSettings(ctx.settings);
  return {
    id: a.id,
    hallId: a.hallId,
    hallName: ctx.hallName,
    timeZone: ctx.timeZone,
    matterId: a.matterId,
    matterName: ctx.matterName,
    date: a.serviceDate,
    slotStart: a.slotStart.toISOString(),
    slotEnd: a.slotEnd.toISOString(),
    slotLabel: slotLabelOf(a, ctx.timeZone),
    status: a.status,
    code: a.code,
    channel: a.channel,
    idMasked: a.visitorIdMasked,
    phoneMasked: a.phoneMasked,
    createdAt: a.createdAt.toISOString(),
    cancelUntil: new Date(a.slotStart.getTime() - settings.bookingCancelCutoffMinutes * MINUTE).toISOString(),
    checkInUntil: new Date(a.slotEnd.getTime() + settings.appointmentGraceMinutes * MINUTE).toISOString(),
    checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
    ticketId: a.ticketId,
  };
}

/** Appointments with the hall and matter they need for presenting. */
export async function readAppointments(tx: Reader, where: SQL | undefined) {
  const rows = await tx
    .select({ a: appointments, hallName: halls.name, timeZone: halls.timeZone, settings: halls.settings, matterName: matters.name })
    .from(appointments)
    .innerJoin(halls, eq(halls.id, appointments.hallId))
    .innerJoin(matters, eq(matters.id, appointments.matterId))
    .where(where)
    .orderBy(appointments.slotStart, appointments.createdAt);
  return rows.map((r) => ({
    row: r.a,
    view: presentAppointment(r.a, {
      hallName: r.hallName,
      matterName: r.matterName,
      timeZone: r.timeZone,
      settings: { ...DEFAULT_HALL_SETTINGS, ...r.settings },
    }),
  }));
}

export async function appointmentView(tx: Reader, id: string): Promise<AppointmentView> {
  const [one] = await readAppointments(tx, eq(appointments.id, id));
  if (!one) throw new Error(`appointment ${id} vanished`);
  return one.view;
}
