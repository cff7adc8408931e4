// Sends one sample ticket to a printer (real or the fake one), e.g. with the fake printer running:
//   npx tsx ticket-printer/print-sample-ticket.ts
// Env: PRINTER_HOST (127.0.0.1), PRINTER_PORT (9100), PRINTER_TYPE (epson|star), PAPER (58|80),
// QR (native|image), CHINESE_MODE (fs-and|none), LANGUAGE (zh-CN|en), REPRINT=1, APPOINTMENT=1.
import { randomBytes } from 'node:crypto';
import { encodeTicket } from './encode-ticket';
import { layoutTicket } from './layout-ticket';
import { printerProfileSchema } from './printer-profile';
import { renderLayoutAsText } from './render-layout-as-text';
import { sendToPrinter } from './send-to-printer';

const env = process.env;
const profile = printerProfileSchema.parse({
  host: env.PRINTER_HOST ?? '127.0.0.1',
  port: Number(env.PRINTER_PORT ?? 9100),
  type: env.PRINTER_TYPE ?? 'epson',
  paperWidth: Number(env.PAPER ?? 80),
  qr: env.QR ?? 'native',
  chineseMode: env.CHINESE_MODE ?? 'fs-and',
});
const now = new Date();
const layout = layoutTicket(
  {
    hallName: '徐汇区行政服务中心',
    number: 'A023',
    matterName: '不动产登记',
    peopleAhead: 12,
    estimatedWaitMinutes: 25,
    issuedAt: now,
    timeZone: 'Asia/Shanghai',
    qrContent: `https://yichuang.example/t/${randomBytes(16).toString('base64url')}`,
    missedNumberRule: '过号请重新取号',
    reprint: env.REPRINT === '1',
    appointmentSlot: env.APPOINTMENT === '1' ? { start: now, end: new Date(now.getTime() + 30 * 60_000) } : null,
    language: env.LANGUAGE === 'en' ? 'en' : 'zh-CN',
  },
  profile,
);
console.log(renderLayoutAsText(layout, profile));
const outcome = await sendToPrinter(encodeTicket(layout, profile), profile);
console.log(outcome);
process.exitCode = outcome.ok ? 0 : 1;
