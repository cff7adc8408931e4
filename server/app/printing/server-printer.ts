/**
 * The server's default printer, for kiosks never configured through the API:
 *  - PRINTER_HOST / PRINTER_PORT: a real ESC/POS printer (Epson-type, 80 mm, FS &, native QR, 3 s);
 *    per-kiosk settings go through PUT /api/devices/:id/printer.
 *  - otherwise the demo fake printer, started by `npm start` when FAKE_PRINTER=1, or by default on
 *    the embedded PGlite database with demo data (a first try without hardware). It decodes every
 *    job to <dataDir>/printed/*.txt and *.png. FAKE_PRINTER=0 turns it off.
 */
import { resolve } from 'node:path';
import {
  printerProfileSchema,
  savePrintedJob,
  startFakePrinter,
  type FakePrinter,
  type FakePrinterOptions,
  type PrinterProfile,
} from '../../../ticket-printer/index';
import { ConfigError, type Config } from '../../config';

export function serverDefaultPrinter(config: Pick<Config, 'printer'>): PrinterProfile | null {
  return config.printer ? printerProfileSchema.parse({ host: config.printer.host, port: config.printer.port }) : null;
}

/** Explicit FAKE_PRINTER wins; unset means: only for a demo on the embedded database without a real printer. */
export function wantsFakePrinter(config: Pick<Config, 'fakePrinter' | 'printer' | 'databaseUrl' | 'seedDemo'>): boolean {
  const { enabled } = config.fakePrinter;
  if (enabled === true && config.printer) throw new ConfigError('Invalid configuration:\n  FAKE_PRINTER=1 and PRINTER_HOST are both set: choose one');
  if (enabled !== 'auto') return enabled;
  const embedded = config.databaseUrl === undefined || config.databaseUrl.startsWith('file://');
  return !config.printer && config.seedDemo && embedded;
}

export interface DemoPrinter {
  printer: FakePrinter;
  outDir: string;
  close(): Promise<void>;
}

/** Starts the fake printer on 127.0.0.1 (FAKE_PRINTER_PORT, or any free port if that one is taken). */
export async function startDemoPrinter(
  config: Pick<Config, 'fakePrinter' | 'printer' | 'databaseUrl' | 'seedDemo' | 'dataDir'>,
  log: (line: string) => void = () => {},
): Promise<DemoPrinter | null> {
  if (!wantsFakePrinter(config)) return null;
  const outDir = resolve(config.dataDir, 'printed');
  const onJob: NonNullable<FakePrinterOptions['onJob']> = (job) => {
    try {
      log(`printed ticket → ${savePrintedJob(job, outDir)}.txt`);
    } catch (err) {
      log(`fake printer could not save job ${job.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  let printer: FakePrinter;
  try {
    printer = await startFakePrinter({ port: config.fakePrinter.port, onJob });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    printer = await startFakePrinter({ port: 0, onJob });
  }
  return { printer, outDir, close: () => printer.close() };
}

/**
 * Printed QR codes link to publicBaseUrl. With a real printer (PRINTER_HOST) and no PUBLIC_BASE_URL
 * that is http://localhost:<port>, which no visitor's phone can open: a warning for the start log.
 * (The demo fake printer prints nowhere a phone could scan: no warning.)
 */
export function publicBaseUrlWarning(config: Pick<Config, 'printer' | 'publicBaseUrl'>, port: number): string | null {
  // A printer on this machine's loopback is the demo fake printer (or a developer's): localhost QR codes are fine there.
  if (!config.printer || config.publicBaseUrl || isLoopback(config.printer.host)) return null;
  return (
    `PRINTER_HOST is set but PUBLIC_BASE_URL is not: printed QR codes will point at http://localhost:${port}; ` +
    `set PUBLIC_BASE_URL to the address visitors' phones can reach (e.g. PUBLIC_BASE_URL=https://queue.example.gov.cn)`
  );
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** One line for the start banner: where tickets print (and where the fake printer's tickets land). */
export function printingBannerLine(config: Pick<Config, 'printer'>, demo: DemoPrinter | null): string {
  if (demo) return `  打印票据 Printed      ${demo.outDir}/*.txt|png  (fake printer ${demo.printer.host}:${demo.printer.port}; FAKE_PRINTER=0 turns it off)`;
  if (config.printer) return `  热敏打印机 Printer    ${config.printer.host}:${config.printer.port}  (kiosks without their own printer: PUT /api/devices/:id/printer)`;
  return '  打印 Printing         off: no printer for kiosks (PRINTER_HOST=… or FAKE_PRINTER=1)';
}
