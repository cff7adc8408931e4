/**
 * Booking an appointment, online by the visitor (no sign-in) or by staff on the visitor's behalf.
 * One transaction: horizon on the working-day calendar, slot from the hall's sessions, the
 * person's bookings serialised by advisory locks on their identity and phone hashes, the no-show
 * ban and the per-day limit (both keyed on identity number AND phone), then a seat taken with a
 * guarded upsert (booked < capacity), so capacity and limits hold under concurrent requests.
 */
import { requirePublished } from './availability';
import { hallSessionsOn } from '../ticket-hours';
import { randomInt } from 'node:crypto';
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Tx } from '../../../db/client';
import { appointmentSlotCounts, appointments } from '../../../db/schema-appointments';
import { checkBookingDate, noShowBanUntil, slotsForSessions } from '../../domain/booking-rules';
import { instantAt, serviceDate } from '../../domain/hall-time';
import { effectiveSettings, type EffectiveHallSettings } from '../../domain/wait-target';
import { BOOKING_CODE_ALPHABET, type BookingChannel, type BookingCreate, type BookingReceipt } from '../../protocol/appointments';
import { authorize, SYSTEM, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { loadHall, loadMatter } from '../loaders';
import { presentHall } from '../presenters';
import { runCommand } from '../run-command';
import { loadCalendar, onCalendar } from './calendar';
import { plannedSeats } from './planned-seats';
import { loadBookingRules } from './matter-rules';
import { appointmentView } from './present';
import { visitorCallerKey, visitorKeys, type VisitorKeys } from './visitor';

/** Advisory-lock namespace for "one person's bookings" (the seed uses 724011). */
const PERSON_LOCK = 724_100;
const DAY_MS = 86_400_000;
export const COUNTED_AS_NO_SHOW = ['no_show', 'late'] as const;
const HOLDING = ['booked', 'checked_in'] as const;

/** `actor` null = the public booking page; otherwise staff booking on the visitor's behalf. */
export async function bookAppointment(deps: AppDeps, actor: Actor | null, hallId: string, input: BookingCreate): Promise<BookingReceipt> {
  let channel: BookingChannel = 'online';
  let bookedBy: string | null = null;
  if (actor) {
    authorize(actor, 'appointment:book', { hallId });
    bookedBy = actor.id;
    channel = 'staff';
  }
  const lang = input.language ?? 'zh-CN';
  const callerKey = actor ? undefined : visitorCallerKey(deps.piiKey, ['book', hallId, input.matterId, input.date, input.slotStart, input.idNumber, input.phone]);
  const meta = { name: 'appointment:book', hallId, actor: actor ?? SYSTEM, commandId: input.commandId, ...(callerKey && { callerKey }) };
  const view = await runCommand(deps, meta, async ({ tx, now }) => {
    const loaded = presentHall(await loadHall(tx, hallId));
    // The public page books only published halls; staff may book in any hall of theirs.
    const hall = actor ? loaded : requirePublished(loaded);
    const settings = effectiveSettings(hall.settings);
    const matter = await loadMatter(tx, input.matterId);
    if (matter.hallId !== hallId || !matter.active) throw new AppError('not_found', 'This matter is not offered in this hall');
    const rule = (await loadBookingRules(tx, [matter.id], hall.settings)).get(matter.id)!;
    if (!rule.bookable) throw new AppError('booking_not_open', 'This matter cannot be booked in advance; take a ticket on site');
    const today = serviceDate(now, hall.timeZone);
    const keys = visitorKeys(deps.piiKey, input.idNumber, input.phone, today, lang);

    const calendar = await loadCalendar(tx);
    const check = onCalendar(() => checkBookingDate(calendar, today, input.date, settings));
    if (!check.ok) throw new AppError('booking_not_open', check.message);
    const slot = slotsForSessions(hallSessionsOn(calendar, hall, settings.openOnRestDays)(input.date), rule.slotMinutes).find((s) => s.start === input.slotStart);
    if (!slot) throw new AppError('booking_not_open', `No appointment slot starts at ${input.slotStart} for this matter`);
    const slotStart = instantAt(input.date, slot.start, hall.timeZone);
    const slotEnd = instantAt(input.date, slot.end, hall.timeZone);
    if (slotStart <= now) throw new AppError('booking_not_open', 'This slot has already started');

    for (const key of [keys.idHash, keys.phoneHash].sort()) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${PERSON_LOCK}, hashtext(${key}))`);
    }
    await refuseIfBanned(tx, keys, settings, now);
    const sameDay = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          // One booking per person per day across the whole installation (DOMAIN), like the ban;
          // the advisory locks above serialise a person's bookings in every hall.
          eq(appointments.serviceDate, input.date),
          inArray(appointments.status, [...HOLDING]),
          or(eq(appointments.visitorIdHash, keys.idHash), eq(appointments.phoneHash, keys.phoneHash)),
        ),
      );
    if (sameDay.length >= settings.bookingsPerPersonPerDay) {
      throw new AppError(
        'booking_limit_reached',
        `This identity number or phone already has ${sameDay.length} appointment(s) on ${input.date}; the limit is ${settings.bookingsPerPersonPerDay} per day`,
      );
    }
    // Seats: the matter's, capped in the plan's peak half hours for that day (planned-seats.ts).
    const capacity = (await plannedSeats(tx, hall, input.date))(slot, matter.id, rule.slotCapacity);
    const full = () => new AppError('slot_full', `The ${slot.start}–${slot.end} slot on ${input.date} is fully booked; choose another`);
    if (capacity <= 0) throw full();
    const seat = await tx
      .insert(appointmentSlotCounts)
      .values({ hallId, matterId: matter.id, slotStart, booked: 1 })
      .onConflictDoUpdate({
        target: [appointmentSlotCounts.hallId, appointmentSlotCounts.matterId, appointmentSlotCounts.slotStart],
        set: { booked: sql`${appointmentSlotCounts.booked} + 1` },
        setWhere: sql`${appointmentSlotCounts.booked} < ${capacity}`,
      })
      .returning({ booked: appointmentSlotCounts.booked });
    if (seat.length === 0) throw full();

    const [row] = await tx
      .insert(appointments)
      .values({
        hallId,
        matterId: matter.id,
        serviceDate: input.date,
        slotStart,
        slotEnd,
        status: 'booked',
        code: await freshCode(tx),
        channel,
        bookedBy,
        visitorIdHash: keys.idHash,
        visitorIdEnc: keys.idEnc,
        visitorIdMasked: keys.idMasked,
        phoneHash: keys.phoneHash,
        phoneEnc: keys.phoneEnc,
        phoneMasked: keys.phoneMasked,
        createdAt: now,
      })
      .returning({ id: appointments.id });
    return appointmentView(tx, row!.id);
  });
  return { appointment: view, qrSvg: await bookingQr(view.code) };
}

/** The no-show ban: counted over the person's appointments by identity number OR phone. */
async function refuseIfBanned(tx: Tx, keys: VisitorKeys, settings: EffectiveHallSettings, now: Date): Promise<void> {
  const since = new Date(now.getTime() - (settings.noShowWindowDays + settings.noShowBanDays) * DAY_MS);
  const missed = await tx
    .select({ at: appointments.slotEnd })
    .from(appointments)
    .where(
      and(
        inArray(appointments.status, [...COUNTED_AS_NO_SHOW]),
        gte(appointments.slotEnd, since),
        or(eq(appointments.visitorIdHash, keys.idHash), eq(appointments.phoneHash, keys.phoneHash)),
      ),
    );
  const until = noShowBanUntil(
    missed.map((m) => m.at),
    settings,
  );
  if (until && until > now) {
    throw new AppError(
      'booking_banned',
      `Booking is suspended until ${until.toISOString().slice(0, 10)}: ${settings.noShowBanThreshold} missed appointments within ${settings.noShowWindowDays} days. You can still take a ticket on site.`,
    );
  }
}

async function freshCode(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = Array.from({ length: 8 }, () => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)]).join('');
    const [taken] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.code, code));
    if (!taken) return code;
  }
  throw new AppError('conflict', 'Could not allocate a booking code; please try again');
}

/** The QR code shown after booking: it holds the booking code only. */
export function bookingQr(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

