import { PNG } from 'pngjs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dotsForPaper, encodeTicket, layoutTicket } from '../../ticket-printer/index';
import { startFakePrinter } from '../../ticket-printer/fake-printer';
import { createPrintJobRunner } from '../../ticket-printer/print-job-runner';
import { renderPreviewPng } from '../../ticket-printer/preview-png';
import { sendToPrinter } from '../../ticket-printer/send-to-printer';
import { appointmentReprint, profile, sampleTicket } from './_fixtures';

const roundTrip = suite('encode → send → fake printer decode');

for (const type of ['epson', 'star'] as const) {
  for (const qr of ['native', 'image'] as const) {
    for (const paperWidth of [58, 80] as const) {
      roundTrip(`${type}, ${qr} QR, ${paperWidth} mm`, async () => {
        const printer = await startFakePrinter({ emulation: type });
        try {
          const p = profile({ type, qr, paperWidth, port: printer.port });
          const outcome = await sendToPrinter(encodeTicket(layoutTicket(sampleTicket, p), p), p);
          assert.ok(outcome.ok, JSON.stringify(outcome));
          const [job] = await printer.waitForJobs(1);
          assert.ok(job?.complete);
          const lines = job!.decoded.text.split('\n');
          assert.ok(lines.includes('A023'), 'number');
          assert.ok(job!.decoded.text.replace(/\n/g, '').includes('办理事项：不动产登记（二手房买卖）'), 'matter');
          assert.ok(lines.includes('当日有效'));
          assert.ok(lines.includes('您前面还有12人等候'));
          assert.equal(job!.decoded.warnings, []);
          const qrItem = job!.decoded.items.find((i) => i.kind === (qr === 'native' ? 'qr' : 'image'));
          assert.ok(qrItem, 'QR printed');
          const png = PNG.sync.read(renderPreviewPng(job!.decoded.items, dotsForPaper(paperWidth)));
          assert.is(png.width, dotsForPaper(paperWidth));
          assert.ok(png.height > 400);
        } finally {
          await printer.close();
        }
      });
    }
  }
}

roundTrip('a printer that needs FS & shows garbage without it, and the fake says so', async () => {
  const printer = await startFakePrinter({ chineseByDefault: false });
  try {
    const withFs = profile({ port: printer.port });
    await sendToPrinter(encodeTicket(layoutTicket(sampleTicket, withFs), withFs), withFs);
    const without = profile({ port: printer.port, chineseMode: 'none' });
    await sendToPrinter(encodeTicket(layoutTicket(sampleTicket, without), without), without);
    const [good, bad] = await printer.waitForJobs(2);
    assert.ok(good!.decoded.text.includes('当日有效'));
    assert.ok(good!.decoded.chineseModeSeen);
    assert.not.ok(bad!.decoded.text.includes('当日有效'));
    assert.ok(bad!.decoded.text.split('\n').includes('A023'), 'the ASCII number survives even then');
    assert.match(bad!.decoded.warnings.join(), 'missing FS &');
  } finally {
    await printer.close();
  }
});

roundTrip('job runner against the fake printer: refused, then back online, printed on retry', async () => {
  const printer = await startFakePrinter({ mode: 'refuse' });
  try {
    const p = profile({ port: printer.port });
    const statuses: string[] = [];
    const runner = createPrintJobRunner({
      backoffMs: 50,
      onStatus: async (u) => {
        statuses.push(u.status + (u.lastError ? `(${u.lastError.failure})` : ''));
        if (u.status === 'pending' && u.attempt === 1) await printer.setMode('ok');
      },
    });
    const result = await runner.runJob({ id: 't-1', bytes: encodeTicket(layoutTicket(appointmentReprint, p), p), profile: p });
    assert.is(result.status, 'printed');
    assert.equal(statuses, ['pending', 'printing', 'pending(refused)', 'printing(refused)', 'printed']);
    const [job] = await printer.waitForJobs(1);
    assert.ok(job!.decoded.text.includes('【补打】'));
    assert.ok(job!.decoded.text.includes('预约时段：09:00-09:30'));
  } finally {
    await printer.close();
  }
});

roundTrip.run();
