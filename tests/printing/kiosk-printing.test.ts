/**
 * A kiosk ticket on paper, end to end: admin configures the kiosk's printer through the API, the kiosk
 * issues a ticket (with an identity number), polls its print job until printed, and the fake printer
 * shows what a visitor would hold. Also: who may see jobs and printers, reprint (补打), facts.
 */
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FakePrinter } from '../../ticket-printer/index';
import type { HallFact, PublicHallFact } from '../../server/protocol/events';
import type { RunningServer } from '../../server/server';
import { api, connected, emitAck, loginAs, socketFor, type ClientSocket } from '../_support/server';
import { DISPLAY, ID_NUMBER, KIOSK, kioskTicket, pollJob, printerAt, putPrinter, startPrintingHall, type DemoIds } from './_support';

let server: RunningServer;
let printer: FakePrinter;
let admin = '';
let staff = '';
let manager = '';
let ids: DemoIds;
let close: () => Promise<void>;

const t = suite('kiosk printing end to end');
t.before(async () => {
  ({ server, printer, admin, staff, manager, ids, close } = await startPrintingHall());
});
t.after(() => close());

t('the admin gives the kiosk a printer; GET shows it', async () => {
  const before = await api(server.url, 'GET', `/api/devices/${ids.kioskId}/printer`, undefined, admin);
  assert.is(before.status, 200);
  assert.is(before.json.data.source, 'none', 'no PRINTER_HOST in tests: no default printer');
  const put = await putPrinter(server, admin, ids.kioskId, printerAt(printer.port, { paperWidth: 80 }));
  assert.is(put.status, 200, JSON.stringify(put.json));
  assert.is(put.json.data.source, 'device');
  assert.equal(put.json.data.profile, { host: '127.0.0.1', port: printer.port, type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr: 'native', timeoutMs: 1000 });
  const got = await api(server.url, 'GET', `/api/devices/${ids.kioskId}/printer`, undefined, manager);
  assert.equal(got.json.data, put.json.data);
});

t('a kiosk ticket is persisted, then printed: number, matter, people ahead, 当日有效, QR — and no identity number', async () => {
  const facts: HallFact[] = [];
  const publicFacts: PublicHallFact[] = [];
  const staffSocket: ClientSocket = socketFor(server.url, staff);
  const displaySocket: ClientSocket = socketFor(server.url, DISPLAY);
  try {
    await Promise.all([connected(staffSocket), connected(displaySocket)]);
    assert.ok((await emitAck(staffSocket, 'hall:subscribe', { hallId: ids.hallId })).ok);
    assert.ok((await emitAck(displaySocket, 'public:subscribe', { hallId: ids.hallId })).ok);
    staffSocket.on('hall:fact', (f) => void facts.push(f));
    displaySocket.on('public:fact', (f) => void publicFacts.push(f));

    const issued = await kioskTicket(server, ids.hallId, ids.matterId, { idNumber: ID_NUMBER });
    assert.ok(issued.print, 'IssuedTicket.print is there for a kiosk with a printer');
    assert.is(issued.print!.status, 'pending');
    assert.is(issued.print!.ticketId, issued.ticket.id);
    assert.is(issued.print!.deviceId, ids.kioskId);
    assert.is(issued.print!.reprint, false);

    const job = await pollJob(server, issued.print!.id);
    assert.is(job.status, 'printed', JSON.stringify(job));
    assert.is(job.attempts, 1);
    assert.is(job.lastError, null);

    const [paper] = await printer.waitForJobs(1);
    const text = paper!.decoded.text;
    assert.ok(paper!.complete);
    assert.ok(paper!.decoded.chineseModeSeen, 'FS & sent');
    assert.ok(text.includes(issued.ticket.number), text);
    assert.ok(text.includes(ids.matterName), text);
    assert.ok(text.includes(`您前面还有${issued.peopleAhead}人等候`), text);
    assert.is(text.split('当日有效').length - 1, 1, `当日有效 once:\n${text}`);
    assert.ok(text.includes('【老年人优先】'), 'the elderly priority (born 1949) is printed');
    assert.ok(text.replace(/\n/g, '').includes('请在自然人服务区（1楼西侧）等候'), `where to wait:\n${text}`);
    assert.ok(text.includes('服务热线：021-64871234'), 'the hall hotline');
    assert.ok(text.includes('徐汇区'), 'hall name');
    assert.ok(text.includes('过号'), 'missed-number rule from hall settings');
    const qr = paper!.decoded.items.find((i) => i.kind === 'qr');
    assert.ok(qr && qr.kind === 'qr' && qr.data.endsWith(`/p/${issued.token}`), JSON.stringify(qr));
    const raw = paper!.bytes.toString('latin1');
    for (const secret of [ID_NUMBER, ID_NUMBER.toLowerCase(), '110105', '19491231', '002X', '********']) {
      assert.not.ok(text.includes(secret), `printed ticket shows ${secret}`);
      assert.not.ok(raw.includes(secret), `printer bytes carry ${secret}`);
    }

    // Staff see every status change as a fact, in hall seq order; public screens see the seq but not the job.
    await waitFor(() => facts.some((f) => f.type === 'print:status' && f.printJob?.status === 'printed'));
    const printFacts = facts.filter((f) => f.type === 'print:status');
    assert.equal(printFacts.map((f) => f.printJob!.status), ['printing', 'printed']);
    assert.ok(printFacts.every((f) => f.printJob!.id === issued.print!.id && !('ticket' in f)));
    const seqs = facts.map((f) => f.seq);
    assert.equal(seqs, seqs.map((_, i) => seqs[0]! + i), 'gapless seq');
    await waitFor(() => publicFacts.length >= facts.length);
    const publicPrint = publicFacts.filter((f) => f.type === 'print:status');
    assert.is(publicPrint.length, 2);
    assert.ok(publicPrint.every((f) => !('printJob' in f)), 'public facts never carry the print job');
  } finally {
    staffSocket.close();
    displaySocket.close();
  }
});

t('the same commandId again returns the same ticket and job and prints nothing more', async () => {
  const before = printer.jobs.length;
  const body = { commandId: randomUUID(), matterId: ids.matterId };
  const first = await api(server.url, 'POST', `/api/halls/${ids.hallId}/tickets`, body, KIOSK);
  await pollJob(server, first.json.data.print.id);
  const again = await api(server.url, 'POST', `/api/halls/${ids.hallId}/tickets`, body, KIOSK);
  assert.is(again.json.data.print.id, first.json.data.print.id);
  await new Promise((r) => setTimeout(r, 300));
  assert.is(printer.jobs.length, before + 1);
});

t('who may read a print job: the issuing kiosk and the hall staff; not other devices or halls', async () => {
  const issued = await kioskTicket(server, ids.hallId, ids.matterId);
  const path = `/api/print-jobs/${issued.print!.id}`;
  assert.is((await api(server.url, 'GET', path, undefined, KIOSK)).status, 200);
  assert.is((await api(server.url, 'GET', path, undefined, staff)).status, 200);
  assert.is((await api(server.url, 'GET', path, undefined, manager)).status, 200);
  // A display has no grant for print jobs at all: refused before the job is looked up, so it learns nothing.
  assert.is((await api(server.url, 'GET', path, undefined, DISPLAY)).status, 403);
  assert.is((await api(server.url, 'GET', path)).status, 401);
  assert.is((await api(server.url, 'GET', `/api/print-jobs/${randomUUID()}`, undefined, staff)).status, 404);
  assert.is((await api(server.url, 'GET', '/api/print-jobs/not-a-uuid', undefined, staff)).status, 404);
  const hall = await api(server.url, 'POST', '/api/halls', { code: 'PR-01', name: '某街道社区事务受理服务中心', sessions: [{ start: '09:00', end: '17:00' }] }, admin);
  await api(server.url, 'POST', '/api/staff', { username: 'mgr.pr', displayName: '钱经理', password: 'longenough1', role: 'manager', hallIds: [hall.json.data.id] }, admin);
  const other = await loginAs(server.url, 'mgr.pr').catch(async () => (await api(server.url, 'POST', '/api/auth/login', { username: 'mgr.pr', password: 'longenough1' })).json.data.token);
  assert.is((await api(server.url, 'GET', path, undefined, other)).status, 403);
  assert.is((await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, other)).status, 403);
  await pollJob(server, issued.print!.id);
});

t('reprint: staff of the hall, through a command (idempotent), printed marked 补打', async () => {
  const issued = await kioskTicket(server, ids.hallId, ids.matterId);
  await pollJob(server, issued.print!.id);
  const before = printer.jobs.length;
  const commandId = randomUUID();
  const path = `/api/tickets/${issued.ticket.id}/reprint`;
  assert.is((await api(server.url, 'POST', path, { commandId }, KIOSK)).status, 403, 'kiosks do not reprint');
  assert.is((await api(server.url, 'POST', path, { commandId: 'short' }, staff)).status, 400);
  assert.is((await api(server.url, 'POST', path, { commandId, extra: 1 }, staff)).status, 400);
  assert.is((await api(server.url, 'POST', `/api/tickets/${randomUUID()}/reprint`, { commandId }, staff)).status, 404);
  const r = await api(server.url, 'POST', path, { commandId }, staff);
  assert.is(r.status, 201, JSON.stringify(r.json));
  assert.is(r.json.data.reprint, true);
  assert.is(r.json.data.deviceId, ids.kioskId, 'defaults to the kiosk that printed it');
  assert.is.not(r.json.data.id, issued.print!.id);
  const again = await api(server.url, 'POST', path, { commandId }, staff);
  assert.is(again.json.data.id, r.json.data.id, 'same commandId, same job');
  const job = await pollJob(server, r.json.data.id, staff);
  assert.is(job.status, 'printed');
  await new Promise((res) => setTimeout(res, 300));
  assert.is(printer.jobs.length, before + 1, 'printed once');
  const text = printer.jobs.at(-1)!.decoded.text;
  assert.ok(text.includes('补打'), text);
  assert.ok(text.includes(issued.ticket.number), text);
});

t('reprint of a staff-issued ticket needs a kiosk named; a display is not one', async () => {
  const staffIssued = await api(server.url, 'POST', `/api/halls/${ids.hallId}/tickets`, { commandId: randomUUID(), matterId: ids.matterId }, staff);
  assert.is(staffIssued.status, 201);
  assert.is(staffIssued.json.data.print, undefined, 'staff-issued tickets have no paper job');
  const path = `/api/tickets/${staffIssued.json.data.ticket.id}/reprint`;
  const noKiosk = await api(server.url, 'POST', path, { commandId: randomUUID() }, staff);
  assert.is(noKiosk.status, 409);
  assert.is(noKiosk.json.error.code, 'no_printer');
  const onDisplay = await api(server.url, 'POST', path, { commandId: randomUUID(), deviceId: ids.displayId }, staff);
  assert.is(onDisplay.status, 409);
  assert.match(onDisplay.json.error.message, 'not a kiosk');
  assert.is((await api(server.url, 'POST', path, { commandId: randomUUID(), deviceId: randomUUID() }, staff)).status, 404);
  const onKiosk = await api(server.url, 'POST', path, { commandId: randomUUID(), deviceId: ids.kioskId }, staff);
  assert.is(onKiosk.status, 201);
  assert.is((await pollJob(server, onKiosk.json.data.id, staff)).status, 'printed');
});

t('printer status per kiosk for staff and managers; no secrets', async () => {
  const r = await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, manager);
  assert.is(r.status, 200);
  assert.is(r.json.data.length, 1);
  const kiosk = r.json.data[0];
  assert.is(kiosk.deviceId, ids.kioskId);
  assert.is(kiosk.state, 'ok');
  assert.is(kiosk.consecutiveFailures, 0);
  assert.is(kiosk.lastJob.status, 'printed');
  assert.equal(Object.keys(kiosk).sort(), ['consecutiveFailures', 'deviceId', 'deviceName', 'hallId', 'lastJob', 'profile', 'sensor', 'source', 'state']);
  // The fake printer answers DLE EOT as a printer with paper loaded and the cover shut.
  assert.equal({ ...kiosk.sensor, reportedAt: 'x' }, { paper: 'ok', coverOpen: false, offline: false, fault: false, source: 'print_job', reportedAt: 'x' });
  assert.not.ok(JSON.stringify(r.json).includes('token'), 'no token or its hash');
  assert.is((await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, staff)).status, 200);
  assert.is((await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, KIOSK)).status, 403);
});

t('DELETE detaches: the kiosk issues tickets without a paper job', async () => {
  assert.is((await api(server.url, 'DELETE', `/api/devices/${ids.kioskId}/printer`, undefined, staff)).status, 403);
  const del = await api(server.url, 'DELETE', `/api/devices/${ids.kioskId}/printer`, undefined, admin);
  assert.is(del.status, 200);
  assert.is(del.json.data.source, 'none');
  assert.is(del.json.data.profile, null);
  const issued = await kioskTicket(server, ids.hallId, ids.matterId);
  assert.is(issued.print, undefined);
  const list = await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, manager);
  assert.is(list.json.data[0].state, 'no_printer');
});

async function waitFor(check: () => boolean, limitMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

t.run();
