/**
 * Which printer a kiosk prints on. Stored in devices.settings.printer: a profile (set by an admin),
 * null (detached on purpose) or absent (never configured → the server default, if any: PRINTER_HOST
 * or the demo fake printer). Written with a jsonb merge so other keys of settings are kept.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { devices } from '../../../db/schema';
import { printerProfileSchema, type PrinterProfile } from '../../../ticket-printer/index';
import type { DevicePrinterView, PrinterProfileView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';

type Reader = Db | Tx;
type DeviceRow = typeof devices.$inferSelect;

export { kioskPrinterInput, MAX_KIOSK_PRINTER_TIMEOUT_MS } from '../../protocol/printing';

// The protocol's view and the printer's profile are one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const viewMatchesProfile: Same<PrinterProfileView, PrinterProfile> = true;
void viewMatchesProfile;

export interface ResolvedPrinter {
  source: DevicePrinterView['source'];
  profile: PrinterProfile | null;
}

/** The printer a device prints on now. Only kiosks print. */
export function printerOf(device: Pick<DeviceRow, 'kind' | 'settings'>, serverDefault: PrinterProfile | null): ResolvedPrinter {
  if (device.kind !== 'kiosk') return { source: 'none', profile: null };
  const raw = (device.settings ?? {})['printer'];
  if (raw === null) return { source: 'none', profile: null };
  if (raw !== undefined) {
    const parsed = printerProfileSchema.safeParse(raw);
    return parsed.success ? { source: 'device', profile: parsed.data } : { source: 'none', profile: null };
  }
  return serverDefault ? { source: 'server_default', profile: serverDefault } : { source: 'none', profile: null };
}

export function presentDevicePrinter(device: DeviceRow, printer: ResolvedPrinter): DevicePrinterView {
  return { deviceId: device.id, hallId: device.hallId, deviceName: device.name, source: printer.source, profile: printer.profile && { ...printer.profile } };
}

export async function loadDevice(reader: Reader, deviceId: string): Promise<DeviceRow> {
  const [row] = await reader.select().from(devices).where(eq(devices.id, deviceId));
  if (!row) throw new AppError('not_found', 'Device not found');
  return row;
}

const serverDefault = (deps: AppDeps) => deps.printing?.defaultProfile ?? null;

/** Admins, and managers of the device's hall. */
export async function getDevicePrinter(deps: AppDeps, actor: Actor, deviceId: string): Promise<DevicePrinterView> {
  authorize(actor, 'device:printer-read');
  const device = await loadDevice(deps.db, deviceId);
  authorize(actor, 'device:printer-read', { hallId: device.hallId });
  return presentDevicePrinter(device, printerOf(device, serverDefault(deps)));
}

export async function setDevicePrinter(deps: AppDeps, actor: Actor, deviceId: string, profile: PrinterProfile): Promise<DevicePrinterView> {
  authorize(actor, 'device:printer-write');
  const device = await loadDevice(deps.db, deviceId);
  authorize(actor, 'device:printer-write', { hallId: device.hallId });
  if (device.kind !== 'kiosk') throw new AppError('conflict', 'Only kiosks print tickets; this device is a ' + device.kind);
  const updated = await writePrinterSetting(deps.db, deviceId, profile);
  return presentDevicePrinter(updated, printerOf(updated, serverDefault(deps)));
}

/** Detach: the kiosk prints nothing (and no longer falls back to the server default). */
export async function removeDevicePrinter(deps: AppDeps, actor: Actor, deviceId: string): Promise<DevicePrinterView> {
  authorize(actor, 'device:printer-write');
  const device = await loadDevice(deps.db, deviceId);
  authorize(actor, 'device:printer-write', { hallId: device.hallId });
  const updated = await writePrinterSetting(deps.db, deviceId, null);
  return presentDevicePrinter(updated, printerOf(updated, serverDefault(deps)));
}

async function writePrinterSetting(db: Db, deviceId: string, printer: PrinterProfile | null): Promise<DeviceRow> {
  const [row] = await db
    .update(devices)
    .set({ settings: sql`coalesce(${devices.settings}, '{}'::jsonb) || ${JSON.stringify({ printer })}::jsonb` })
    .where(eq(devices.id, deviceId))
    .returning();
  if (!row) throw new AppError('not_found', 'Device not found');
  return row;
}
