// A fake ESC/POS printer on TCP for demos without hardware:
//   PORT=9100 FAKE_PRINTER_OUT=./data/printed npx tsx ticket-printer/fake-printer-cli.ts
// Each job is written as <n>.txt (decoded text) and <n>.png (preview). Other settings:
// HOST (default 127.0.0.1), FAKE_PRINTER_MODE (ok|stall|close-mid-job|slow|refuse),
// FAKE_PRINTER_EMULATION (epson|star), FAKE_PRINTER_PAPER (58|80),
// FAKE_PRINTER_CONDITION (comma-separated: offline, cover-open, paper-end, paper-near-end — what DLE EOT answers).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFakePrinter, type FakePrinterMode } from './fake-printer';
import { savePrintedJob } from './save-printed-job';

const outDir = resolve(process.env.FAKE_PRINTER_OUT ?? './data/printed');
const paper = process.env.FAKE_PRINTER_PAPER === '58' ? 58 : 80;
const modes: FakePrinterMode[] = ['ok', 'refuse', 'stall', 'close-mid-job', 'slow'];
const mode = modes.find((m) => m === process.env.FAKE_PRINTER_MODE) ?? 'ok';
mkdirSync(outDir, { recursive: true });

const printer = await startFakePrinter({
  port: Number(process.env.PORT ?? 9100),
  host: process.env.HOST ?? '127.0.0.1',
  mode,
  emulation: process.env.FAKE_PRINTER_EMULATION === 'star' ? 'star' : 'epson',
  condition: conditionFrom(process.env.FAKE_PRINTER_CONDITION ?? ''),
  onJob(job) {
    const name = savePrintedJob(job, outDir, paper);
    console.log(`job ${job.id}: ${job.bytes.length} bytes → ${name}.{txt,png}`);
  },
});
console.log(`fake printer (${mode}) listening on ${printer.host}:${printer.port}, writing to ${outDir}`);

const stop = () => void printer.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

function conditionFrom(list: string) {
  const set = new Set(list.split(',').map((x) => x.trim()));
  return { offline: set.has('offline'), coverOpen: set.has('cover-open'), paperEnd: set.has('paper-end'), paperNearEnd: set.has('paper-near-end') };
}
