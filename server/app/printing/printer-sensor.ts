/**
 * What each kiosk's printer last said about its paper and cover (docs/printing.md "Paper and cover"):
 * written after every job the printer answered DLE EOT for (in the job's status transaction, so the
 * 'print:status' fact published after commit finds it), or reported by the kiosk's printer agent.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { devices } from '../../../db/schema';
import { printerStatus } from '../../../db/schema-printing';
import { readPrinterStatus, sensorOf, type PrinterSensor } from '../../../ticket-printer/index';
import type { PrinterStatusReport } from '../../protocol/printing';
import type { KioskPrinterStatusView, PrinterSensorView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { presentKioskPrinter } from './printer-status';

type SensorRow = typeof printerStatus.$inferSelect;

/** Replaces the kiosk's last sensor answer (one statement: nothing half-written). */
export async function recordPrinterSensor(
  tx: Db | Tx,
  at: { deviceId: string; hallId: string },
  sensor: PrinterSensor,
  source: PrinterSensorView['source'],
  now: Date,
): Promise<void> {
  const values = { ...sensor, source, reportedAt: now };
  await tx
    .insert(printerStatus)
    .values({ deviceId: at.deviceId, hallId: at.hallId, ...values })
    .onConflictDoUpdate({ target: printerStatus.deviceId, set: values });
}

export function presentSensor(row: SensorRow | undefined): PrinterSensorView | null {
  if (!row) return null;
  return { paper: row.paper, coverOpen: row.coverOpen, offline: row.offline, fault: row.fault, source: row.source, reportedAt: row.reportedAt.toISOString() };
}

/**
 * A kiosk's printer agent sends what its printer answered to DLE EOT 1, 2, 4 (validated by
 * printerStatusReport: a byte that is no status answer is a 400). Only the kiosk itself may report
 * on its printer; the answer is the kiosk's printer entry as managers see it.
 */
export async function reportPrinterStatus(deps: AppDeps, actor: Actor, deviceId: string, body: PrinterStatusReport): Promise<KioskPrinterStatusView> {
  authorize(actor, 'printer:report');
  const [kiosk] = await deps.db.select().from(devices).where(eq(devices.id, deviceId)).catch(() => []);
  if (!kiosk || !kiosk.active || kiosk.kind !== 'kiosk') throw new AppError('not_found', 'Kiosk not found');
  authorize(actor, 'printer:report', { hallId: kiosk.hallId });
  if (actor.kind !== 'device' || actor.id !== kiosk.id) throw new AppError('forbidden', 'A kiosk reports on its own printer only');
  const sensor = sensorOf(readPrinterStatus(body.answers));
  await recordPrinterSensor(deps.db, { deviceId: kiosk.id, hallId: kiosk.hallId }, sensor, 'agent', deps.clock.now());
  return presentKioskPrinter(deps, kiosk);
}
