/**
 * Every HTTP endpoint, defined once. The server's router is built from this table
 * (server/http/router.ts), the UIs call it through one typed client (ui-shared/src/api-client.ts),
 * and /api/openapi.json is generated from it. Adding an endpoint here without a handler does not
 * compile. Who may call each one is the policy table's business (`action`, see permissions.ts).
 */
import type {
  AppointmentView,
  BookableMatterView,
  BookingCalendarView,
  BookingHallView,
  BookingReceipt,
  CalendarAdminView,
  CheckInResult,
  MatterBookingRuleView,
} from './appointments';
import * as ap from './appointments';
import type { PhoneCodeSent } from './appointments';
import type { CityLiveView, ReportView, TicketHistoryView, TodayStatsView } from './dashboard';
import * as dash from './dashboard';
import { z } from 'zod';
import * as adm from './admin';
import * as dep from './departments';
import type { DepartmentView } from './departments';
import type { MatterGuideView } from './cases';
import type { AdminStaffView, AuditEntryView, DeviceView, DeviceWithToken, PrinterTestResult } from './admin';
import type { ProgressView } from './progress';
import { firstAdminBody, type SetupStatus } from './setup';
import { staffingPlanQuery, type CounterBreaksView, type StaffingPlanView } from './staffing-plan';
import { CASE_ENDPOINTS } from './case-endpoints';
import { endpoint } from './endpoint';
import { EVALUATION_ENDPOINTS } from './evaluation-endpoints';
import { ROUTES } from './routes';
import type { HallNotice } from './events';
import { kioskPrinterInput, printerStatusReport } from './printing';
import * as s from './schemas';
import type {
  CounterPrinterView,
  CounterView,
  CreatedDevice,
  DevicePrinterView,
  HallSnapshot,
  HallView,
  HealthView,
  IssuedTicket,
  KioskPrinterStatusView,
  MatterView,
  PrintJobView,
  PublicHallSnapshot,
  StaffView,
  WhoAmI,
  ZoneView,
} from './views';

export interface LoginResult {
  token: string;
  staff: StaffView;
  expiresAt: string;
}

export type Done = { ok: true };

const hallScoped = { hallFrom: 'hallId' } as const;

/** The audit query, plus the language of a CSV download. */
const auditQueryWithLang = adm.auditQuery.extend({ lang: z.enum(['zh-CN', 'en']).optional() });

export const ENDPOINTS = {
  // ── health and sign-in ──
  health: endpoint<HealthView>()({ ...ROUTES.health, action: 'health:read', tag: 'system', summary: 'Readiness: 503 while the database cannot be reached or this process cannot hear the others', bare: true }),
  healthLive: endpoint<{ status: 'alive'; time: string }>()({ ...ROUTES.healthLive, action: 'health:read', tag: 'system', summary: 'Liveness: the process answers (a database outage is survived in-process)', bare: true }),
  openApi: endpoint<unknown>()({ ...ROUTES.openApi, action: 'docs:read', tag: 'system', summary: 'This API as an OpenAPI 3.1 document', bare: true }),
  apiDocs: endpoint<string>()({ ...ROUTES.apiDocs, action: 'docs:read', tag: 'system', summary: 'This API as a readable HTML page', bare: true }),
  login: endpoint<LoginResult>()({ ...ROUTES.login, action: 'auth:login', tag: 'auth', summary: 'Staff sign-in: a bearer token valid for 12 hours', body: s.loginBody }),
  logout: endpoint<Done>()({ ...ROUTES.logout, action: 'auth:logout', tag: 'auth', summary: 'End this session' }),
  me: endpoint<WhoAmI>()({ ...ROUTES.me, action: 'auth:me', tag: 'auth', summary: 'Who the bearer token belongs to' }),

  // ── halls and configuration ──
  listHalls: endpoint<HallView[]>()({ ...ROUTES.listHalls, action: 'hall:list', tag: 'halls', summary: 'The halls the caller may see' }),
  createHall: endpoint<HallView>()({ ...ROUTES.createHall, action: 'hall:create', tag: 'halls', summary: 'Create a hall', body: s.hallCreate, status: 201 }),
  updateHall: endpoint<HallView>()({ ...ROUTES.updateHall, action: 'hall:update', tag: 'halls', summary: 'Change a hall (only the fields sent)', body: s.hallUpdate, ...hallScoped }),
  hallSnapshot: endpoint<HallSnapshot>()({ ...ROUTES.hallSnapshot, action: 'hall:snapshot', tag: 'halls', summary: 'The hall now, for staff, with its event seq', ...hallScoped }),
  publicSnapshot: endpoint<PublicHallSnapshot>()({ ...ROUTES.publicSnapshot, action: 'hall:public-snapshot', tag: 'halls', summary: 'The hall now as public screens may see it (no personal data)', ...hallScoped }),
  listZones: endpoint<ZoneView[]>()({ ...ROUTES.listZones, action: 'zone:list', tag: 'halls', summary: 'Service areas of a hall', ...hallScoped }),
  createZone: endpoint<ZoneView>()({ ...ROUTES.createZone, action: 'zone:save', tag: 'halls', summary: 'Create a service area', body: s.zoneCreate, status: 201, ...hallScoped }),
  updateZone: endpoint<ZoneView>()({ ...ROUTES.updateZone, action: 'zone:save', tag: 'halls', summary: 'Change a service area', body: s.zoneUpdate, ...hallScoped }),
  listMatters: endpoint<MatterView[]>()({ ...ROUTES.listMatters, action: 'matter:list', tag: 'halls', summary: 'Matters of a hall (devices see active ones only)', ...hallScoped }),
  createMatter: endpoint<MatterView>()({ ...ROUTES.createMatter, action: 'matter:save', tag: 'halls', summary: 'Create a matter', body: s.matterCreate, status: 201, ...hallScoped }),
  updateMatter: endpoint<MatterView>()({ ...ROUTES.updateMatter, action: 'matter:save', tag: 'halls', summary: 'Change a matter', body: s.matterUpdate, ...hallScoped }),
  listCounters: endpoint<CounterView[]>()({ ...ROUTES.listCounters, action: 'counter:list', tag: 'halls', summary: 'Counters of a hall', ...hallScoped }),
  createCounter: endpoint<CounterView>()({ ...ROUTES.createCounter, action: 'counter:save', tag: 'halls', summary: 'Create a counter and the matters it is authorised for', body: s.counterCreate, status: 201, ...hallScoped }),
  updateCounter: endpoint<CounterView>()({ ...ROUTES.updateCounter, action: 'counter:save', tag: 'halls', summary: 'Change a counter', body: s.counterUpdate, ...hallScoped }),
  createDevice: endpoint<CreatedDevice>()({ ...ROUTES.createDevice, action: 'device:create', tag: 'devices', summary: 'Register a kiosk or display; its token is shown once', body: s.deviceCreate, status: 201, ...hallScoped }),
  deactivateDevice: endpoint<Done>()({ ...ROUTES.deactivateDevice, action: 'device:deactivate', tag: 'devices', summary: 'Revoke a device token', hallFrom: 'deviceId' }),
  listStaff: endpoint<AdminStaffView[]>()({ ...ROUTES.listStaff, action: 'staff:list', tag: 'staff', summary: 'Every staff account, with its lock-out state' }),
  createStaff: endpoint<StaffView>()({ ...ROUTES.createStaff, action: 'staff:create', tag: 'staff', summary: 'Create a staff account', body: s.staffCreate, status: 201 }),
  updateStaff: endpoint<AdminStaffView>()({ ...ROUTES.updateStaff, action: 'staff:update', tag: 'staff', summary: 'Change a staff account (name, role, halls, disable, password reset, unlock); its sessions end', body: adm.staffUpdate }),
  listDevices: endpoint<DeviceView[]>()({ ...ROUTES.listDevices, action: 'device:list', tag: 'devices', summary: 'Devices of a hall', ...hallScoped }),
  updateDevice: endpoint<DeviceView>()({ ...ROUTES.updateDevice, action: 'device:update', tag: 'devices', summary: 'Rename or move a device', body: adm.deviceUpdate, hallFrom: 'deviceId' }),
  rotateDeviceToken: endpoint<DeviceWithToken>()({ ...ROUTES.rotateDeviceToken, action: 'device:update', tag: 'devices', summary: 'Issue a new token (shown once); the old one stops working', hallFrom: 'deviceId' }),
  testPrint: endpoint<PrinterTestResult>()({ ...ROUTES.testPrint, action: 'device:test-print', tag: 'printing', summary: 'Print a sample ticket (测试) on a kiosk now', hallFrom: 'deviceId' }),
  deleteZone: endpoint<Done>()({ ...ROUTES.deleteZone, action: 'zone:save', tag: 'halls', summary: 'Delete a service area that nothing uses', ...hallScoped }),
  listDepartments: endpoint<DepartmentView[]>()({ ...ROUTES.listDepartments, action: 'department:list', tag: 'halls', summary: 'Back-office departments of a hall, with how many matters and reviewers use each', ...hallScoped }),
  createDepartment: endpoint<DepartmentView>()({ ...ROUTES.createDepartment, action: 'department:save', tag: 'halls', summary: 'Create a back-office department', body: dep.departmentCreate, status: 201, ...hallScoped }),
  updateDepartment: endpoint<DepartmentView>()({ ...ROUTES.updateDepartment, action: 'department:save', tag: 'halls', summary: 'Rename, change the phone of or disable a department (refused while matters or reviewers use it)', body: dep.departmentUpdate, ...hallScoped }),
  listMatterGuides: endpoint<MatterGuideView[]>()({ ...ROUTES.listMatterGuides, action: 'guide:list', tag: 'halls', summary: 'The guide (办事指南) of every matter of a hall, disabled matters included', ...hallScoped }),
  saveMatterGuide: endpoint<MatterGuideView>()({ ...ROUTES.saveMatterGuide, action: 'guide:save', tag: 'halls', summary: 'Set a matter’s guide: department, fee, result, delivery, conditions, legal basis', body: dep.matterGuideInput, ...hallScoped }),
  audit: endpoint<AuditEntryView[]>()({ ...ROUTES.audit, action: 'audit:read', tag: 'staff', summary: 'The audit trail (JSON, or CSV with format=csv)', query: auditQueryWithLang, csv: true }),
  setupStatus: endpoint<SetupStatus>()({ ...ROUTES.setupStatus, action: 'setup:first-admin', tag: 'auth', summary: 'Whether this installation still needs its first administrator' }),
  firstAdmin: endpoint<LoginResult>()({ ...ROUTES.firstAdmin, action: 'setup:first-admin', tag: 'auth', summary: 'Create the first administrator with the set-up code from the server log; signs in', body: firstAdminBody, status: 201, rateLimit: 'setup' }),

  // ── tickets ──
  issueTicket: endpoint<IssuedTicket>()({ ...ROUTES.issueTicket, action: 'ticket:issue', tag: 'tickets', summary: 'Issue a ticket (kiosk, or staff for a visitor)', body: s.issueTicketBody, status: 201, ...hallScoped }),
  ticketProgress: endpoint<ProgressView>()({ ...ROUTES.ticketProgress, action: 'ticket:progress', tag: 'tickets', summary: 'The progress page behind a ticket QR code (the token is the only key)', params: { token: 'text' } }),
  ticketHistory: endpoint<TicketHistoryView>()({ ...ROUTES.ticketHistory, action: 'ticket:history', tag: 'tickets', summary: 'A ticket and every event in its life', hallFrom: 'ticketId' }),
  reprintTicket: endpoint<PrintJobView>()({ ...ROUTES.reprintTicket, action: 'ticket:reprint', tag: 'printing', summary: 'Reprint a paper ticket (marked 补打)', body: s.ticketReprint, status: 201, hallFrom: 'ticketId' }),

  // ── printing ──
  getDevicePrinter: endpoint<DevicePrinterView>()({ ...ROUTES.getDevicePrinter, action: 'device:printer-read', tag: 'printing', summary: 'The printer a kiosk prints on', hallFrom: 'deviceId' }),
  setDevicePrinter: endpoint<DevicePrinterView>()({ ...ROUTES.setDevicePrinter, action: 'device:printer-write', tag: 'printing', summary: 'Point a kiosk at an ESC/POS printer', body: kioskPrinterInput, hallFrom: 'deviceId' }),
  removeDevicePrinter: endpoint<DevicePrinterView>()({ ...ROUTES.removeDevicePrinter, action: 'device:printer-write', tag: 'printing', summary: 'Detach a kiosk from its printer', hallFrom: 'deviceId' }),
  getPrintJob: endpoint<PrintJobView>()({ ...ROUTES.getPrintJob, action: 'print-job:read', tag: 'printing', summary: 'A print job (a kiosk sees its own only)', hallFrom: 'printJobId' }),
  reportPrinterStatus: endpoint<KioskPrinterStatusView>()({ ...ROUTES.reportPrinterStatus, action: 'printer:report', tag: 'printing', summary: 'A kiosk’s printer agent reports its printer’s DLE EOT answers (paper, cover)', body: printerStatusReport, hallFrom: 'deviceId' }),
  listHallPrinters: endpoint<KioskPrinterStatusView[]>()({ ...ROUTES.listHallPrinters, action: 'printer:status', tag: 'printing', summary: 'Printer health of every kiosk in a hall', ...hallScoped }),
  getCounterPrinter: endpoint<CounterPrinterView>()({ ...ROUTES.getCounterPrinter, action: 'counter:printer-read', tag: 'printing', summary: 'The printer a counter prints case receipts and notices on', ...hallScoped }),
  setCounterPrinter: endpoint<CounterPrinterView>()({ ...ROUTES.setCounterPrinter, action: 'counter:printer-write', tag: 'printing', summary: 'Point a counter at its ESC/POS receipt printer', body: kioskPrinterInput, ...hallScoped }),
  removeCounterPrinter: endpoint<CounterPrinterView>()({ ...ROUTES.removeCounterPrinter, action: 'counter:printer-write', tag: 'printing', summary: 'Detach a counter from any printer (it prints from the browser)', ...hallScoped }),
  testCounterPrint: endpoint<PrinterTestResult>()({ ...ROUTES.testCounterPrint, action: 'device:test-print', tag: 'printing', summary: 'Print a sample (测试) on a counter’s receipt printer now', ...hallScoped }),

  // ── the manager dashboard ──
  staffingPlan: endpoint<StaffingPlanView>()({ ...ROUTES.staffingPlan, action: 'plan:read', tag: 'dashboard', summary: 'Forecast per half hour and zone, counters needed, tidal advice and seat caps for a day', query: staffingPlanQuery, ...hallScoped }),
  todayStats: endpoint<TodayStatsView>()({ ...ROUTES.todayStats, action: 'stats:today', tag: 'dashboard', summary: "Today's figures against the targets", ...hallScoped }),
  hallReport: endpoint<ReportView>()({ ...ROUTES.hallReport, action: 'report:read', tag: 'dashboard', summary: 'A history report for one hall (JSON, or CSV with format=csv)', query: dash.reportQuery, csv: true, ...hallScoped }),
  report: endpoint<ReportView>()({ ...ROUTES.report, action: 'report:read', tag: 'dashboard', summary: 'A history report over several halls (hallIds, or every hall the caller may see)', query: dash.reportQuery, csv: true }),
  cityLive: endpoint<CityLiveView>()({ ...ROUTES.cityLive, action: 'city:live', tag: 'dashboard', summary: "Every hall the caller may see, today's live figures in one read (waiting, serving, within target, longest wait, counters open)" }),
  setCounterMatters: endpoint<CounterView>()({ ...ROUTES.setCounterMatters, action: 'counter:set-matters', tag: 'dashboard', summary: 'Tidal counter (潮汐窗口): change the matters a counter serves, with a reason', body: dash.counterMattersBody, ...hallScoped }),
  setCounterBreaks: endpoint<CounterBreaksView>()({ ...ROUTES.setCounterBreaks, action: 'counter:set-breaks', tag: 'dashboard', summary: 'Schedule a counter’s breaks for a day (错峰休息, from the staffing plan), with a reason', body: dash.counterBreaksBody, ...hallScoped }),
  activeNotice: endpoint<HallNotice | null>()({ ...ROUTES.activeNotice, action: 'notice:read', tag: 'dashboard', summary: 'The notice on the wall display now, or null', ...hallScoped }),
  postNotice: endpoint<HallNotice>()({ ...ROUTES.postNotice, action: 'notice:write', tag: 'dashboard', summary: 'Show a notice on the wall display for some minutes', body: dash.noticeBody, status: 201, ...hallScoped }),
  clearNotice: endpoint<HallNotice>()({ ...ROUTES.clearNotice, action: 'notice:write', tag: 'dashboard', summary: 'Take the notice down', body: dash.noticeClearBody, ...hallScoped }),

  // ── appointments: the public booking page ──
  bookingHalls: endpoint<BookingHallView[]>()({ ...ROUTES.bookingHalls, action: 'booking:public', tag: 'booking', summary: 'Halls that take bookings', rateLimit: 'public-read' }),
  bookingHall: endpoint<BookingHallView>()({ ...ROUTES.bookingHall, action: 'booking:public', tag: 'booking', summary: 'One hall for the booking page', rateLimit: 'public-read' }),
  bookableMatters: endpoint<BookableMatterView[]>()({ ...ROUTES.bookableMatters, action: 'booking:public', tag: 'booking', summary: 'Matters that can be booked', rateLimit: 'public-read' }),
  bookingSlots: endpoint<BookingCalendarView>()({ ...ROUTES.bookingSlots, action: 'booking:public', tag: 'booking', summary: 'Bookable days and slots with their free places', rateLimit: 'public-read' }),
  phoneCode: endpoint<PhoneCodeSent>()({ ...ROUTES.phoneCode, action: 'booking:public', tag: 'booking', summary: 'Text a six-digit code to the phone that will book (10 per address per 10 minutes)', body: ap.phoneCodeRequest, status: 201, rateLimit: 'phone-code' }),
  bookOnline: endpoint<BookingReceipt>()({ ...ROUTES.bookOnline, action: 'booking:public', tag: 'booking', summary: 'Book a slot with the phone code; returns the code for kiosk check-in', body: ap.bookingCreate, status: 201, rateLimit: 'booking' }),
  lookupBooking: endpoint<BookingReceipt>()({ ...ROUTES.lookupBooking, action: 'booking:public', tag: 'booking', summary: 'Find a booking by its code and identity number', body: ap.bookingLookup, rateLimit: 'public-write' }),
  cancelBooking: endpoint<AppointmentView>()({ ...ROUTES.cancelBooking, action: 'booking:public', tag: 'booking', summary: 'The visitor cancels a booking before the cut-off', body: ap.bookingCancel, rateLimit: 'public-write' }),

  // ── appointments: staff and kiosks ──
  checkIn: endpoint<CheckInResult>()({ ...ROUTES.checkIn, action: 'appointment:check-in', tag: 'appointments', summary: 'Check an appointment in (by code or identity number) and issue its ticket', body: ap.appointmentCheckIn, status: 201, ...hallScoped }),
  bookForVisitor: endpoint<BookingReceipt>()({ ...ROUTES.bookForVisitor, action: 'appointment:book', tag: 'appointments', summary: 'Staff book a slot on a visitor’s behalf', body: ap.bookingCreate, status: 201, ...hallScoped }),
  listAppointments: endpoint<AppointmentView[]>()({ ...ROUTES.listAppointments, action: 'appointment:list', tag: 'appointments', summary: 'Appointments of one service date', query: ap.appointmentListQuery, ...hallScoped }),
  cancelAppointment: endpoint<AppointmentView>()({ ...ROUTES.cancelAppointment, action: 'appointment:cancel', tag: 'appointments', summary: 'Staff cancel an appointment (supervisors also after the cut-off)', body: ap.staffBookingCancel, ...hallScoped }),
  saveBookingRule: endpoint<MatterBookingRuleView>()({ ...ROUTES.saveBookingRule, action: 'matter:booking-rule', tag: 'appointments', summary: 'Whether a matter can be booked, its slot length and capacity', body: ap.matterBookingRuleInput, ...hallScoped }),
  calendar: endpoint<CalendarAdminView>()({ ...ROUTES.calendar, action: 'calendar:read', tag: 'calendar', summary: 'The working-day calendar: declared years and overrides' }),
  setCalendarOverride: endpoint<CalendarAdminView>()({ ...ROUTES.setCalendarOverride, action: 'calendar:write', tag: 'calendar', summary: 'Make a date a working day or not', body: ap.calendarOverrideInput, params: { date: 'text' } }),
  deleteCalendarOverride: endpoint<CalendarAdminView>()({ ...ROUTES.deleteCalendarOverride, action: 'calendar:write', tag: 'calendar', summary: 'Remove an override', params: { date: 'text' } }),
  declareCalendarYear: endpoint<CalendarAdminView>()({ ...ROUTES.declareCalendarYear, action: 'calendar:write', tag: 'calendar', summary: 'Declare a year’s holiday arrangement complete', params: { year: 'text' } }),

  // ── cases and evaluations: their own files, same format ──
  ...CASE_ENDPOINTS,
  ...EVALUATION_ENDPOINTS,
} as const;

export type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;

// Every route has a definition and every definition a route: a one-sided entry does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: Same<EndpointName, keyof typeof ROUTES> = true;
void sameNames;
