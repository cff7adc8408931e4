/** Visible failure: a print job for its kiosk or the hall's staff, and printer health per kiosk for managers. */
import { and, desc, eq } from 'drizzle-orm';
import { devices } from '../../../db/schema';
import { printerStatus, printJobs } from '../../../db/schema-printing';
import type { KioskPrinterStatusView, PrintJobView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { presentDevicePrinter, printerOf } from './printer-profiles';
import { loadPrintJob, presentPrintJob } from './print-jobs';
import { presentSensor } from './printer-sensor';

/** The issuing kiosk, or staff and managers of the hall. Other devices learn nothing (404). */
export async function getPrintJob(deps: AppDeps, actor: Actor, jobId: string): Promise<PrintJobView> {
  authorize(actor, 'print-job:read');
  const job = await loadPrintJob(deps.db, jobId).catch(() => null);
  if (!job) throw new AppError('not_found', 'Print job not found');
  authorize(actor, 'print-job:read', { hallId: job.hallId });
  // A kiosk sees its own jobs only; another kiosk's job is not there for it.
  if (actor.kind === 'device' && job.deviceId !== actor.id) throw new AppError('not_found', 'Print job not found');
  return presentPrintJob(job);
}

const RECENT = 20;

export async function listHallPrinters(deps: AppDeps, actor: Actor, hallId: string): Promise<KioskPrinterStatusView[]> {
  authorize(actor, 'printer:status', { hallId });
  await loadHall(deps.db, hallId);
  const kiosks = await deps.db
    .select()
    .from(devices)
    .where(and(eq(devices.hallId, hallId), eq(devices.kind, 'kiosk'), eq(devices.active, true)))
    .orderBy(devices.name);
  const sensors = new Map((await deps.db.select().from(printerStatus).where(eq(printerStatus.hallId, hallId))).map((r) => [r.deviceId, r]));
  const out: KioskPrinterStatusView[] = [];
  for (const kiosk of kiosks) out.push(await presentKioskPrinter(deps, kiosk, sensors.get(kiosk.id) ?? null));
  return out;
}

/** One kiosk's printer health: its recent jobs and its last sensor answer (read here when not given). */
export async function presentKioskPrinter(
  deps: AppDeps,
  kiosk: typeof devices.$inferSelect,
  sensorRow?: typeof printerStatus.$inferSelect | null,
): Promise<KioskPrinterStatusView> {
  const printer = printerOf(kiosk, deps.printing?.defaultProfile ?? null);
  const recent = await deps.db.select().from(printJobs).where(eq(printJobs.deviceId, kiosk.id)).orderBy(desc(printJobs.createdAt)).limit(RECENT);
  const sensor = sensorRow !== undefined ? sensorRow : ((await deps.db.select().from(printerStatus).where(eq(printerStatus.deviceId, kiosk.id)))[0] ?? null);
  const finished = recent.filter((j) => j.status === 'printed' || j.status === 'failed');
  const firstPrinted = finished.findIndex((j) => j.status === 'printed');
  const consecutiveFailures = firstPrinted < 0 ? finished.length : firstPrinted;
  const state = !printer.profile ? 'no_printer' : finished.length === 0 ? 'unknown' : consecutiveFailures > 0 ? 'failing' : 'ok';
  return {
    ...presentDevicePrinter(kiosk, printer),
    state,
    lastJob: recent[0] ? presentPrintJob(recent[0]) : null,
    consecutiveFailures,
    sensor: presentSensor(sensor ?? undefined),
  };
}
