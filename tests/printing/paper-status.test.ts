/**
 * A kiosk printer's paper and cover, end to end (docs/printing.md "Paper and cover"): the server reads
 * DLE EOT 2 and 4 after each job and stores the answer with the job's status (so the 'print:status'
 * fact, published after commit, finds it on the next read); a kiosk's printer agent may report the
 * same bytes over HTTP, and bad bytes are a 400 with nothing written.
 */
import { eq } from 'drizzle-orm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { printerStatus } from '../../db/schema-printing';
import type { HallFact } from '../../server/protocol/events';
import type { KioskPrinterStatusView } from '../../server/protocol/views';
import type { FakePrinter } from '../../ticket-printer/index';
import type { RunningServer } from '../../server/server';
import type { TestDb } from '../_support/db';
import { api, connected, emitAck, socketFor, type ClientSocket } from '../_support/server';
import { DISPLAY, KIOSK, kioskTicket, pollJob, printerAt, putPrinter, startPrintingHall, type DemoIds } from './_support';

let db: TestDb;
let server: RunningServer;
let printer: FakePrinter;
let admin = '';
let manager = '';
let ids: DemoIds;
let close: () => Promise<void>;
let staffSocket: ClientSocket;
const facts: HallFact[] = [];

const t = suite('kiosk printer paper and cover status');
t.before(async () => {
  let staff = '';
  ({ db, server, printer, admin, staff, manager, ids, close } = await startPrintingHall());
  assert.is((await putPrinter(server, admin, ids.kioskId, printerAt(printer.port))).status, 200);
  staffSocket = socketFor(server.url, staff);
  await connected(staffSocket);
  assert.ok((await emitAck(staffSocket, 'hall:subscribe', { hallId: ids.hallId })).ok);
  staffSocket.on('hall:fact', (f) => void facts.push(f));
});
t.after(async () => {
  staffSocket?.close();
  await close();
});

async function kioskEntry(token = manager): Promise<KioskPrinterStatusView> {
  const r = await api(server.url, 'GET', `/api/halls/${ids.hallId}/printers`, undefined, token);
  assert.is(r.status, 200, JSON.stringify(r.json));
  return (r.json.data as KioskPrinterStatusView[]).find((p) => p.deviceId === ids.kioskId)!;
}

/** Issues a ticket and, the moment its final 'print:status' fact arrives, reads the printers. */
async function issueAndReadOnFact(): Promise<{ job: { status: string; lastError: string | null }; entry: KioskPrinterStatusView }> {
  const issued = await kioskTicket(server, ids.hallId, ids.matterId);
  const jobId = issued.print!.id;
  const fact = await new Promise<HallFact>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no final print:status fact')), 10_000);
    const check = (f: HallFact) => {
      if (f.type === 'print:status' && f.printJob?.id === jobId && (f.printJob.status === 'printed' || f.printJob.status === 'failed')) {
        clearTimeout(timer);
        staffSocket.off('hall:fact', check);
        resolve(f);
      }
    };
    staffSocket.on('hall:fact', check);
  });
  return { job: fact.printJob!, entry: await kioskEntry() };
}

t('before any answer the kiosk has no sensor status', async () => {
  const entry = await kioskEntry();
  assert.is(entry.sensor, null);
  assert.equal(await db.db.select().from(printerStatus), []);
});

t('paper near its end: the ticket prints, the kiosk says near_end as soon as the fact arrives', async () => {
  printer.setCondition({ paperNearEnd: true });
  const { job, entry } = await issueAndReadOnFact();
  assert.is(job.status, 'printed');
  assert.ok(entry.sensor, 'stored with the job status, committed before the fact');
  assert.equal({ ...entry.sensor!, reportedAt: 'x' }, { paper: 'near_end', coverOpen: false, offline: false, fault: false, source: 'print_job', reportedAt: 'x' });
  const rows = await db.db.select().from(printerStatus).where(eq(printerStatus.deviceId, ids.kioskId));
  assert.is(rows.length, 1);
  assert.is(rows[0]!.hallId, ids.hallId);
});

t('paper out: the job fails printer_problem and the kiosk says out; the cover open says cover_open', async () => {
  printer.setCondition({ paperEnd: true });
  const out = await issueAndReadOnFact();
  assert.is(out.job.status, 'failed');
  assert.match(out.job.lastError ?? '', 'printer_problem');
  assert.is(out.entry.sensor!.paper, 'out');
  assert.is(out.entry.state, 'failing');

  printer.setCondition({ coverOpen: true });
  const cover = await issueAndReadOnFact();
  assert.is(cover.job.status, 'failed');
  assert.is(cover.entry.sensor!.coverOpen, true);
  assert.is(cover.entry.sensor!.paper, 'ok', 'the cover, not the paper');
  assert.is((await db.db.select().from(printerStatus)).length, 1, 'one row per kiosk, replaced');
});

t('a new roll: the next ticket prints and the status is ok again', async () => {
  printer.setCondition({});
  const { job, entry } = await issueAndReadOnFact();
  assert.is(job.status, 'printed');
  assert.equal({ ...entry.sensor!, reportedAt: 'x' }, { paper: 'ok', coverOpen: false, offline: false, fault: false, source: 'print_job', reportedAt: 'x' });
});

const reportPath = () => `/api/devices/${ids.kioskId}/printer/status`;

t("the kiosk's printer agent reports DLE EOT answers: stored as the agent's, returned as the kiosk's entry", async () => {
  const r = await api(server.url, 'POST', reportPath(), { answers: [0x12, 0x12, 0x1e] }, KIOSK);
  assert.is(r.status, 200, JSON.stringify(r.json));
  const view = r.json.data as KioskPrinterStatusView;
  assert.is(view.deviceId, ids.kioskId);
  assert.is(view.sensor!.paper, 'near_end');
  assert.is(view.sensor!.source, 'agent');
  assert.equal((await kioskEntry()).sensor, view.sensor);
  // Paper out and cover open at once (DLE EOT 2 bits 2 and 5, DLE EOT 4 bits 2, 3, 5, 6).
  const both = await api(server.url, 'POST', reportPath(), { answers: [0x1a, 0x36, 0x7e] }, KIOSK);
  assert.is(both.status, 200);
  assert.equal({ paper: both.json.data.sensor.paper, coverOpen: both.json.data.sensor.coverOpen }, { paper: 'out', coverOpen: true });
});

t('bad status input is a 400 naming the field, and nothing is written', async () => {
  const before = await db.db.select().from(printerStatus);
  const bad: unknown[] = [
    { answers: [0xff] }, // not a status byte
    { answers: [0x12, 0x00] }, // bits 1 and 4 missing
    { answers: [] },
    { answers: [0x12, 0x12, 0x12, 0x12] },
    { answers: [18.5] },
    { answers: [-1] },
    { answers: ['0x12'] },
    { answers: [0x12], paper: 'ok' }, // unknown key
    { paper: 'near_end' },
    'not json',
  ];
  for (const body of bad) {
    const r = await api(server.url, 'POST', reportPath(), body, KIOSK);
    assert.is(r.status, 400, `${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.json)}`);
    assert.ok(r.json.error?.code, 'a clear error code');
  }
  const refusedByte = await api(server.url, 'POST', reportPath(), { answers: [0xff] }, KIOSK);
  assert.is(refusedByte.json.error.code, 'validation_failed');
  assert.match(JSON.stringify(refusedByte.json.error.fields ?? refusedByte.json.error), 'DLE EOT');
  assert.equal(await db.db.select().from(printerStatus), before, 'nothing half-written');
});

t('only the kiosk itself reports on its printer', async () => {
  const before = await db.db.select().from(printerStatus);
  const body = { answers: [0x12, 0x12, 0x12] };
  assert.is((await api(server.url, 'POST', reportPath(), body, DISPLAY)).status, 403, 'a display');
  assert.is((await api(server.url, 'POST', reportPath(), body, manager)).status, 403, 'a manager');
  assert.is((await api(server.url, 'POST', reportPath(), body, admin)).status, 403, 'an admin');
  assert.is((await api(server.url, 'POST', reportPath(), body)).status, 401, 'no token');
  assert.is((await api(server.url, 'POST', `/api/devices/${ids.displayId}/printer/status`, body, KIOSK)).status, 404, 'no such kiosk');
  assert.is((await api(server.url, 'POST', '/api/devices/00000000-0000-4000-8000-000000000000/printer/status', body, KIOSK)).status, 404);
  assert.equal(await db.db.select().from(printerStatus), before);
});

t('the fact stream carried the job status changes (the dashboard re-reads on them)', async () => {
  assert.ok(facts.filter((f) => f.type === 'print:status').length >= 8);
  await pollJob(server, (await kioskTicket(server, ids.hallId, ids.matterId)).print!.id);
  assert.is((await kioskEntry()).sensor!.source, 'print_job', 'the next job answers again');
});

t.run();
