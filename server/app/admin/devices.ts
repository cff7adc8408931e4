/**
 * Kiosks, wall displays and counter screens of a hall: list, rename or re-place, rotate the token
 * (the new one is shown once; the old one stops working at once), and a test print on a kiosk's
 * printer. Creating and revoking are in devices-and-staff.ts. A change to where a screen points
 * (zone, counter) is a 'hall:configured' fact, so running screens take a fresh snapshot.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client';
import { counters, devices, halls, zones } from '../../../db/schema';
import { encodeTicket, layoutTicket, sendToPrinter } from '../../../ticket-printer';
import type { PrinterProfile } from '../../../ticket-printer/printer-profile';
import type { DeviceView, DeviceWithToken, PrinterTestResult, deviceUpdate } from '../../protocol/admin';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { hashToken, newDeviceToken } from '../auth';
import type { AppDeps } from '../deps';
import { loadDevice, printerOf } from '../printing/printer-profiles';
import { presentHall } from '../presenters';
import { runCommand } from '../run-command';
import { appendAudit } from './audit-log';
import { namedFields, namesAny } from './patch';

type DeviceRow = typeof devices.$inferSelect;

export function presentDevice(d: DeviceRow): DeviceView {
  return { id: d.id, hallId: d.hallId, kind: d.kind, name: d.name, zoneId: d.zoneId, counterId: d.counterId, active: d.active, createdAt: d.createdAt.toISOString() };
}

/** Admins, and managers of the hall (read only). */
export async function listDevices(deps: AppDeps, actor: Actor, hallId: string): Promise<DeviceView[]> {
  authorize(actor, 'device:list', { hallId });
  const rows = await deps.db.select().from(devices).where(eq(devices.hallId, hallId)).orderBy(desc(devices.active), devices.kind, devices.name);
  return rows.map(presentDevice);
}

export async function updateDevice(deps: AppDeps, actor: Actor, deviceId: string, input: z.output<typeof deviceUpdate>): Promise<DeviceView> {
  authorize(actor, 'device:update');
  const device = await loadDevice(deps.db, deviceId);
  authorize(actor, 'device:update', { hallId: device.hallId });
  return runCommand(deps, { name: 'device:update', hallId: device.hallId, actor }, async ({ tx, now, emit }) => {
    await checkPlace(tx, device.hallId, input);
    const fields = namedFields(input);
    const [row] = namesAny(fields) ? await tx.update(devices).set(fields).where(eq(devices.id, deviceId)).returning() : [device];
    await appendAudit(tx, actor, now, { action: 'device:update', hallId: device.hallId, subjectType: 'device', subjectId: deviceId, data: fields });
    emit({ type: 'hall:configured', data: { what: 'device', id: deviceId } });
    return presentDevice(row!);
  });
}

export async function rotateDeviceToken(deps: AppDeps, actor: Actor, deviceId: string): Promise<DeviceWithToken> {
  authorize(actor, 'device:update');
  authorize(actor, 'device:update', { hallId: (await loadDevice(deps.db, deviceId)).hallId });
  const token = newDeviceToken();
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx.update(devices).set({ tokenHash: hashToken(token) }).where(eq(devices.id, deviceId)).returning();
    if (!updated) throw new AppError('not_found', 'Device not found');
    await appendAudit(tx, actor, now, { action: 'device:rotate-token', hallId: updated.hallId, subjectType: 'device', subjectId: deviceId, data: { name: updated.name } });
    return updated;
  });
  deps.revoker?.revoke({ deviceId }); // sockets still on the old token go
  return { ...presentDevice(row), token };
}

async function checkPlace(tx: Tx, hallId: string, input: z.output<typeof deviceUpdate>): Promise<void> {
  if (input.zoneId) {
    const [zone] = await tx.select({ id: zones.id }).from(zones).where(and(eq(zones.id, input.zoneId), eq(zones.hallId, hallId)));
    if (!zone) throw new AppError('validation_failed', 'The zone does not belong to this hall', { zoneId: 'unknown zone' });
  }
  if (input.counterId) {
    const [counter] = await tx.select({ id: counters.id }).from(counters).where(and(eq(counters.id, input.counterId), eq(counters.hallId, hallId)));
    if (!counter) throw new AppError('validation_failed', 'The counter does not belong to this hall', { counterId: 'unknown counter' });
  }
}

/** Prints a sample ticket (marked 测试) on the kiosk's printer now and says how it went; nothing is stored. */
export async function testPrint(deps: AppDeps, actor: Actor, deviceId: string): Promise<PrinterTestResult> {
  authorize(actor, 'device:test-print');
  const device = await loadDevice(deps.db, deviceId);
  authorize(actor, 'device:test-print', { hallId: device.hallId });
  const { profile } = printerOf(device, deps.printing?.defaultProfile ?? null);
  if (device.kind !== 'kiosk' || !profile) throw new AppError('no_printer', `${device.name} has no printer configured`);
  return printSample(deps, device.hallId, device.name, profile);
}

/** A sample ticket (T001, marked 打印测试) on `profile` now: how it went, nothing stored. Kiosks and counters test alike. */
export async function printSample(deps: AppDeps, hallId: string, label: string, profile: PrinterProfile): Promise<PrinterTestResult> {
  const [hallRow] = await deps.db.select().from(halls).where(eq(halls.id, hallId));
  const hall = presentHall(hallRow!);
  const layout = layoutTicket(
    {
      hallName: hall.name,
      number: 'T001',
      matterName: `打印测试 Test print · ${label}`,
      peopleAhead: 0,
      estimatedWaitMinutes: null,
      issuedAt: deps.clock.now(),
      timeZone: hall.timeZone,
      qrContent: `${deps.publicBaseUrl}/`,
      missedNumberRule: hall.settings.missedNumberRule,
    },
    profile,
  );
  const outcome = await sendToPrinter(encodeTicket(layout, profile), profile, { confirm: profile.type === 'star' ? 'socket' : 'status' });
  return outcome.ok
    ? { ok: true, message: `printed on ${profile.host}:${profile.port}`, ms: Math.round(outcome.ms) }
    : { ok: false, message: `${outcome.failure}: ${outcome.message}`, ms: Math.round(outcome.ms) };
}
