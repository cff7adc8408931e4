/**
 * Appointments (统一预约). Public booking endpoints under /api/booking (no sign-in, rate-limited
 * per client address); staff booking, list and cancel, kiosk check-in, per-matter booking rules
 * and the working-day calendar under /api.
 */
import Router from '@koa/router';
import { bookableMatters, bookingCalendar, bookingHall, bookingHalls } from '../../app/appointments/availability';
import { bookAppointment } from '../../app/appointments/book';
import { calendarAdminView, declareCalendarYear, deleteCalendarOverride, setCalendarOverride } from '../../app/appointments/calendar';
import { checkInAppointment } from '../../app/appointments/check-in';
import { cancelByStaff, cancelByVisitor, listAppointments, lookupBooking } from '../../app/appointments/manage';
import { saveMatterBookingRule } from '../../app/appointments/matter-rules';
import { requestPhoneCode, verifyPhoneCode } from '../../app/appointments/phone-code';
import { AppError } from '../../app/app-error';
import type { AppDeps } from '../../app/deps';
import * as s from '../../protocol/appointments';
import type { AppState } from '../context';
import { actorOf, idParam, parse } from '../middleware';
import { rateLimit, type RateLimitOptions } from '../rate-limit';

export function appointmentRoutes(deps: AppDeps, limits: RateLimitOptions = { max: 60, windowMs: 60_000 }): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  const limited = rateLimit(limits);
  const reads = rateLimit({ ...limits, max: limits.max * 5 });
  // Writing a booking and texting a phone are the abusable ones: 10 per address per 10 minutes each.
  const bookings = rateLimit({ max: 10, windowMs: 10 * 60_000 });
  const texts = rateLimit({ max: 10, windowMs: 10 * 60_000 });

  // ── public: the booking page ──
  r.get('/booking/halls', reads, async (ctx) => {
    ctx.body = { data: await bookingHalls(deps) };
  });
  r.get('/booking/halls/:hallId', reads, async (ctx) => {
    ctx.body = { data: await bookingHall(deps, idParam(ctx, 'hallId')) };
  });
  r.get('/booking/halls/:hallId/matters', reads, async (ctx) => {
    ctx.body = { data: await bookableMatters(deps, idParam(ctx, 'hallId')) };
  });
  r.get('/booking/halls/:hallId/matters/:matterId/slots', reads, async (ctx) => {
    ctx.body = { data: await bookingCalendar(deps, idParam(ctx, 'hallId'), idParam(ctx, 'matterId')) };
  });
  r.post('/booking/phone-codes', texts, async (ctx) => {
    ctx.status = 201;
    ctx.body = { data: await requestPhoneCode(deps, parse(s.phoneCodeRequest, ctx.request.body)) };
  });
  r.post('/booking/halls/:hallId/appointments', limited, bookings, async (ctx) => {
    const hallId = idParam(ctx, 'hallId');
    const body = parse(s.bookingCreate, ctx.request.body);
    // The public page proves the phone first (the code sent to it); staff booking at the desk does not.
    await verifyPhoneCode(deps, body);
    ctx.status = 201;
    ctx.body = { data: await bookAppointment(deps, null, hallId, body) };
  });
  r.post('/booking/appointments/lookup', limited, async (ctx) => {
    ctx.body = { data: await lookupBooking(deps, parse(s.bookingLookup, ctx.request.body)) };
  });
  r.post('/booking/appointments/cancel', limited, async (ctx) => {
    ctx.body = { data: await cancelByVisitor(deps, parse(s.bookingCancel, ctx.request.body)) };
  });

  // ── staff and kiosk ──
  r.post('/halls/:hallId/appointments/check-in', async (ctx) => {
    const actor = actorOf(ctx);
    const hallId = idParam(ctx, 'hallId');
    ctx.status = 201;
    ctx.body = { data: await checkInAppointment(deps, actor, hallId, parse(s.appointmentCheckIn, ctx.request.body)) };
  });
  r.post('/halls/:hallId/appointments', async (ctx) => {
    const actor = actorOf(ctx);
    const hallId = idParam(ctx, 'hallId');
    const body = parse(s.bookingCreate, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await bookAppointment(deps, actor, hallId, body) };
  });
  r.get('/halls/:hallId/appointments', async (ctx) => {
    const actor = actorOf(ctx);
    const { date } = parse(s.appointmentListQuery, { date: ctx.query.date });
    ctx.body = { data: await listAppointments(deps, actor, idParam(ctx, 'hallId'), date) };
  });
  r.post('/halls/:hallId/appointments/:appointmentId/cancel', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(s.staffBookingCancel, ctx.request.body);
    ctx.body = { data: await cancelByStaff(deps, actor, idParam(ctx, 'hallId'), idParam(ctx, 'appointmentId'), input) };
  });
  r.put('/halls/:hallId/matters/:matterId/booking-rule', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(s.matterBookingRuleInput, ctx.request.body);
    ctx.body = { data: await saveMatterBookingRule(deps, actor, idParam(ctx, 'hallId'), idParam(ctx, 'matterId'), input) };
  });

  // ── working-day calendar (admin) ──
  r.get('/calendar', async (ctx) => {
    ctx.body = { data: await calendarAdminView(deps, actorOf(ctx)) };
  });
  r.put('/calendar/overrides/:date', async (ctx) => {
    const actor = actorOf(ctx);
    await setCalendarOverride(deps, actor, ctx.params.date ?? '', parse(s.calendarOverrideInput, ctx.request.body));
    ctx.body = { data: await calendarAdminView(deps, actor) };
  });
  r.delete('/calendar/overrides/:date', async (ctx) => {
    const actor = actorOf(ctx);
    await deleteCalendarOverride(deps, actor, ctx.params.date ?? '');
    ctx.body = { data: await calendarAdminView(deps, actor) };
  });
  r.post('/calendar/years/:year/declare', async (ctx) => {
    const actor = actorOf(ctx);
    // Four decimal digits only: Number('0x7e3') is 2019, Number('2e3') is 2000.
    const year = ctx.params.year ?? '';
    if (!/^\d{4}$/.test(year)) throw new AppError('validation_failed', 'year must be four decimal digits', { year: 'four decimal digits' });
    await declareCalendarYear(deps, actor, Number(year));
    ctx.body = { data: await calendarAdminView(deps, actor) };
  });
  return r;
}
