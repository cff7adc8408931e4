// Print hand-off latency: encode once, then time sendToPrinter (connect → all bytes written → the
// fake printer closes) for N jobs in a row against the local fake printer. This measures our
// transport and the loopback stack, not paper: a real printer adds network and its own buffering.
//   npx tsx ticket-printer/bench-handoff.ts            (JOBS=500, QR=native|image, CONFIRM=socket|status)
import { performance } from 'node:perf_hooks';
import { encodeTicket } from './encode-ticket';
import { startFakePrinter } from './fake-printer';
import { layoutTicket } from './layout-ticket';
import type { PrinterProfile } from './printer-profile';
import { sendToPrinter } from './send-to-printer';

const jobs = Number(process.env.JOBS ?? 500);
const qr = process.env.QR === 'image' ? 'image' : 'native';
const confirm = process.env.CONFIRM === 'status' ? 'status' : 'socket';
const printer = await startFakePrinter();
const profile: PrinterProfile = { host: '127.0.0.1', port: printer.port, type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr, timeoutMs: 3000 };
const bytes = encodeTicket(
  layoutTicket(
    {
      hallName: '上海市徐汇区行政服务中心',
      number: 'A023',
      matterName: '不动产登记（二手房买卖）',
      peopleAhead: 12,
      estimatedWaitMinutes: 25,
      issuedAt: new Date(),
      timeZone: 'Asia/Shanghai',
      qrContent: 'https://yc.example.gov.cn/t/q7Zk2pV9xL3mN8rT4wYc1A',
      missedNumberRule: '过号请重新取号',
    },
    profile,
  ),
  profile,
);

const samples: number[] = [];
let failures = 0;
for (let i = 0; i < 20; i++) await sendToPrinter(bytes, profile, { confirm }); // warm-up
const started = performance.now();
for (let i = 0; i < jobs; i++) {
  const t0 = performance.now();
  const outcome = await sendToPrinter(bytes, profile, { confirm });
  samples.push(performance.now() - t0);
  if (!outcome.ok) failures++;
}
const wall = performance.now() - started;
await printer.close();

samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? NaN;
const f = (x: number) => `${x.toFixed(2)} ms`;
console.log(`hand-off of ${jobs} tickets (${bytes.length} bytes, ${qr} QR, confirm=${confirm}) to the fake printer on loopback`);
console.log(`p50 ${f(pct(50))}  p90 ${f(pct(90))}  p99 ${f(pct(99))}  max ${f(samples.at(-1) ?? NaN)}  failures ${failures}  (${(jobs / (wall / 1000)).toFixed(0)} jobs/s)`);
