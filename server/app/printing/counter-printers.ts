/**
 * Which printer a counter prints case documents on (docs/cases.md "Printing at the counter").
 * Stored in counters.printer: { profile } set by an admin, { profile: null } detached on purpose, or
 * NULL (never configured → the server's default printer, if any: PRINTER_HOST or the demo fake
 * printer). A counter without a printer prints from the browser instead.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { counters } from '../../../db/schema';
import { printerProfileSchema, type PrinterProfile } from '../../../ticket-printer/printer-profile';
import type { PrinterTestResult } from '../../protocol/admin';
import type { CounterPrinterView } from '../../protocol/views';
import { printSample } from '../admin/devices';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';

type Reader = Db | Tx;
type CounterRow = typeof counters.$inferSelect;

export interface ResolvedCounterPrinter {
  source: CounterPrinterView['source'];
  profile: PrinterProfile | null;
}

export function counterPrinterOf(counter: Pick<CounterRow, 'printer'>, serverDefault: PrinterProfile | null): ResolvedCounterPrinter {
  const setting = counter.printer;
  if (setting === null || setting === undefined) return serverDefault ? { source: 'server_default', profile: serverDefault } : { source: 'none', profile: null };
  if (setting.profile === null) return { source: 'none', profile: null };
  const parsed = printerProfileSchema.safeParse(setting.profile);
  return parsed.success ? { source: 'counter', profile: parsed.data } : { source: 'none', profile: null };
}

export function presentCounterPrinter(counter: CounterRow, printer: ResolvedCounterPrinter): CounterPrinterView {
  return { counterId: counter.id, hallId: counter.hallId, counterNumber: counter.number, source: printer.source, profile: printer.profile && { ...printer.profile } };
}

export async function loadCounterRow(reader: Reader, counterId: string, hallId?: string): Promise<CounterRow> {
  const [row] = await reader.select().from(counters).where(eq(counters.id, counterId));
  if (!row || (hallId !== undefined && row.hallId !== hallId)) throw new AppError('not_found', 'Counter not found');
  return row;
}

const serverDefault = (deps: AppDeps) => deps.printing?.defaultProfile ?? null;

/** Staff and managers of the counter's hall, and admins. */
export async function getCounterPrinter(deps: AppDeps, actor: Actor, hallId: string, counterId: string): Promise<CounterPrinterView> {
  authorize(actor, 'counter:printer-read', { hallId });
  const counter = await loadCounterRow(deps.db, counterId, hallId);
  return presentCounterPrinter(counter, counterPrinterOf(counter, serverDefault(deps)));
}

/** Admins point a counter at its receipt printer (null detaches it: the counter prints from the browser). */
export async function setCounterPrinter(deps: AppDeps, actor: Actor, hallId: string, counterId: string, profile: PrinterProfile | null): Promise<CounterPrinterView> {
  authorize(actor, 'counter:printer-write', { hallId });
  await loadCounterRow(deps.db, counterId, hallId);
  const [row] = await deps.db.update(counters).set({ printer: { profile: profile && { ...profile } } }).where(eq(counters.id, counterId)).returning();
  if (!row) throw new AppError('not_found', 'Counter not found');
  return presentCounterPrinter(row, counterPrinterOf(row, serverDefault(deps)));
}

/** Supervisors print a sample on the counter's printer (its own or the server's default) now; nothing is stored. */
export async function testCounterPrint(deps: AppDeps, actor: Actor, hallId: string, counterId: string): Promise<PrinterTestResult> {
  authorize(actor, 'device:test-print', { hallId });
  const counter = await loadCounterRow(deps.db, counterId, hallId);
  const { profile } = counterPrinterOf(counter, serverDefault(deps));
  if (!profile) throw new AppError('no_printer', `Counter ${counter.number} has no printer configured`);
  return printSample(deps, hallId, `${counter.number} 号窗口`, profile);
}
