/**
 * The kiosk hears its own paper ticket print (socket 'kiosk:print' in its device room) instead of
 * polling the job: the pushed job ends 'printed'; another kiosk of the hall hears nothing of it.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { PrintJobView } from '../../server/protocol/views';
import { api, connected, socketFor, type ClientSocket } from '../_support/server';
import { KIOSK, kioskTicket, printerAt, putPrinter, startPrintingHall, type PrintingHall } from './_support';

let hall: PrintingHall;
const t = suite('kiosk print outcome pushed');
t.before(async () => {
  hall = await startPrintingHall();
});
t.after(() => hall.close());

t('the printing kiosk gets its job pushed until printed; another kiosk gets nothing', async () => {
  const { server, admin, ids, printer } = hall;
  assert.is((await putPrinter(server, admin, ids.kioskId, printerAt(printer.port))).status, 200);
  const other = await api(server.url, 'POST', `/api/halls/${ids.hallId}/devices`, { kind: 'kiosk', name: '二楼取号机' }, admin);
  assert.is(other.status, 201, JSON.stringify(other.json));
  const kiosk: ClientSocket = socketFor(server.url, KIOSK);
  const otherKiosk: ClientSocket = socketFor(server.url, other.json.data.token);
  try {
    await Promise.all([connected(kiosk), connected(otherKiosk)]);
    const pushed: PrintJobView[] = [];
    const elsewhere: PrintJobView[] = [];
    const printed = new Promise<void>((resolve) =>
      kiosk.on('kiosk:print', (job) => {
        pushed.push(job);
        if (job.status === 'printed') resolve();
      }),
    );
    otherKiosk.on('kiosk:print', (job) => void elsewhere.push(job));
    const issued = await kioskTicket(server, ids.hallId, ids.matterId);
    assert.ok(issued.print, 'a print job for the kiosk with a printer');
    await Promise.race([printed, new Promise((_, reject) => setTimeout(() => reject(new Error(`not printed; pushed: ${JSON.stringify(pushed)}`)), 15_000))]);
    assert.ok(pushed.every((j) => j.id === issued.print!.id && j.deviceId === ids.kioskId), 'only its own job');
    assert.is(pushed.at(-1)!.status, 'printed');
    await new Promise((r) => setTimeout(r, 300));
    assert.is(elsewhere.length, 0, 'another kiosk hears nothing of it');
  } finally {
    kiosk.close();
    otherKiosk.close();
  }
});

t('the ticket history shows each print job once, with its outcome (the ticket, then its 补打)', async () => {
  const { server, ids, manager, staff, printer } = hall;
  const before = printer.jobs.length;
  const issued = await kioskTicket(server, ids.hallId, ids.matterId);
  await printer.waitForJobs(before + 1, 15_000);
  const reprint = await api(server.url, 'POST', `/api/tickets/${issued.ticket.id}/reprint`, { commandId: crypto.randomUUID() }, staff);
  assert.is(reprint.status, 201, JSON.stringify(reprint.json));
  await printer.waitForJobs(before + 2, 15_000);
  let prints: { type: string; print?: { status: string; reprint: boolean } }[] = [];
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const history = await api(server.url, 'GET', `/api/tickets/${issued.ticket.id}/history`, undefined, manager);
    prints = (history.json.data.events as typeof prints).filter((e) => e.type === 'print:status');
    if (prints.length === 2 && prints.every((p) => p.print?.status === 'printed')) break;
  }
  assert.equal(
    prints.map((p) => p.print),
    [
      { status: 'printed', reprint: false, attempts: 1, lastError: null },
      { status: 'printed', reprint: true, attempts: 1, lastError: null },
    ],
    'one entry per job, its outcome, not one per status change',
  );
});

t.run();
