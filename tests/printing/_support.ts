// Shared helpers for tests/printing (files starting with '_' are not run as tests).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { devices, matters } from '../../db/schema';
import type { PrintJobView } from '../../server/protocol/views';
import type { RunningServer } from '../../server/server';
import { startFakePrinter, type FakePrinter } from '../../ticket-printer/index';
import { createTestDb, type TestDb } from '../_support/db';
import { api, loginAs, startTestServer } from '../_support/server';

export const KIOSK = 'dv_demo-kiosk-1';
export const DISPLAY = 'dv_demo-display-1';
export const ID_NUMBER = '11010519491231002X';

export async function demoIds(db: TestDb) {
  const [kiosk] = await db.db.select().from(devices).where(eq(devices.kind, 'kiosk'));
  const [display] = await db.db.select().from(devices).where(eq(devices.kind, 'display'));
  const [matter] = await db.db.select().from(matters).where(eq(matters.name, '社保登记'));
  const anyMatter = matter ?? (await db.db.select().from(matters).limit(1))[0];
  return { hallId: kiosk!.hallId, kioskId: kiosk!.id, displayId: display!.id, matterId: anyMatter!.id, matterName: anyMatter!.name };
}

export type DemoIds = Awaited<ReturnType<typeof demoIds>>;

/** A demo hall on a real server with a fake printer, the admin, staff1 and manager signed in. */
export interface PrintingHall {
  db: TestDb;
  server: RunningServer;
  printer: FakePrinter;
  admin: string;
  staff: string;
  manager: string;
  ids: DemoIds;
  close(): Promise<void>;
}

export async function startPrintingHall(): Promise<PrintingHall> {
  const db = await createTestDb();
  const server = await startTestServer(db);
  const printer = await startFakePrinter();
  const admin = await loginAs(server.url, 'admin');
  const staff = await loginAs(server.url, 'staff1');
  const manager = await loginAs(server.url, 'manager');
  const ids = await demoIds(db);
  return {
    db, server, printer, admin, staff, manager, ids,
    async close() {
      await server.close();
      await printer.close();
      await db.drop();
    },
  };
}

export function printerAt(port: number, overrides: Record<string, unknown> = {}) {
  return { host: '127.0.0.1', port, timeoutMs: 1000, ...overrides };
}

export async function putPrinter(server: RunningServer, admin: string, deviceId: string, body: unknown) {
  return api(server.url, 'PUT', `/api/devices/${deviceId}/printer`, body, admin);
}

/** POST a ticket as the demo kiosk. */
export async function kioskTicket(server: RunningServer, hallId: string, matterId: string, extra: Record<string, unknown> = {}) {
  const r = await api(server.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId, ...extra }, KIOSK);
  if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.data as { ticket: { id: string; number: string }; token: string; peopleAhead: number; print?: PrintJobView };
}

/** Polls GET /api/print-jobs/:id like the kiosk does (every `everyMs`) until the job is printed or failed. */
export async function pollJob(server: RunningServer, jobId: string, token = KIOSK, limitMs = 10_000, everyMs = 25): Promise<PrintJobView> {
  const started = Date.now();
  for (;;) {
    const r = await api(server.url, 'GET', `/api/print-jobs/${jobId}`, undefined, token);
    if (r.status !== 200) throw new Error(`GET print job: ${r.status} ${JSON.stringify(r.json)}`);
    const job = r.json.data as PrintJobView;
    if (job.status === 'printed' || job.status === 'failed') return job;
    if (Date.now() - started > limitMs) throw new Error(`print job still ${job.status} after ${limitMs} ms`);
    await new Promise((res) => setTimeout(res, everyMs));
  }
}

/**
 * For use-case tests without a server: a fresh database with the demo hall whose kiosk has a
 * printer profile (the address is never dialled: tests pass their own `send`).
 */
export async function hallWithKioskPrinter(): Promise<{ db: TestDb; hall: import('../_support/fixtures').DemoHall }> {
  const { seedDemoHall } = await import('../_support/fixtures');
  const db = await createTestDb();
  const hall = await seedDemoHall(db.db);
  const kiosk = await hall.kiosk();
  const printer = { host: '127.0.0.1', port: 9, type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr: 'native', timeoutMs: 500 };
  await db.db.update(devices).set({ settings: { printer } }).where(eq(devices.id, kiosk.id));
  return { db, hall };
}
