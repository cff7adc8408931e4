// Print hand-off latency through the whole server: a real server (port 0), the demo kiosk with a
// printer profile pointing at the fake printer, N tickets issued one after another over HTTP.
// For each ticket: t0 = the issue response arrived (the ticket is committed, print.status 'pending'),
// t1 = the 'print:status' fact with status 'printed' arrived on a staff socket. Also the server-side
// printed_at − created_at of the job row (from the issuing transaction to the printed status).
//   npx tsx tests/printing/_bench-handoff.ts                 (N=200; DATABASE_URL=postgres://… for PostgreSQL)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { printJobs } from '../../db/schema-printing';
import type { HallFact } from '../../server/protocol/events';
import { startFakePrinter } from '../../ticket-printer/index';
import { createTestDb } from '../_support/db';
import { api, connected, emitAck, loginAs, socketFor, startTestServer } from '../_support/server';
import { demoIds, KIOSK, printerAt, putPrinter } from './_support';

const N = Number(process.env.N ?? 200);
const db = await createTestDb();
const server = await startTestServer(db);
const printer = await startFakePrinter();
const ids = await demoIds(db);
const admin = await loginAs(server.url, 'admin');
await putPrinter(server, admin, ids.kioskId, printerAt(printer.port, { timeoutMs: 3000 }));
const staff = socketFor(server.url, await loginAs(server.url, 'staff1'));
await connected(staff);
await emitAck(staff, 'hall:subscribe', { hallId: ids.hallId });
const printedAt = new Map<string, number>();
const waiters = new Map<string, () => void>();
staff.on('hall:fact', (f: HallFact) => {
  if (f.type !== 'print:status' || f.printJob?.status === 'pending' || f.printJob?.status === 'printing') return;
  printedAt.set(f.printJob!.id, performance.now());
  if (f.printJob!.status === 'failed') console.error('failed:', f.printJob!.lastError);
  waiters.get(f.printJob!.id)?.();
});

const samples: number[] = [];
const issueMs: number[] = [];
for (let i = 0; i < N + 10; i++) {
  const before = performance.now();
  const r = await api(server.url, 'POST', `/api/halls/${ids.hallId}/tickets`, { commandId: randomUUID(), matterId: ids.matterId }, KIOSK);
  const t0 = performance.now();
  const id: string = r.json.data.print.id;
  if (!printedAt.has(id)) await new Promise<void>((resolve) => waiters.set(id, resolve));
  waiters.delete(id);
  if (i >= 10) {
    samples.push(printedAt.get(id)! - t0); // the first 10 warm up
    issueMs.push(t0 - before);
  }
}
const rows = await db.db.select().from(printJobs);
const serverSide = rows.filter((r) => r.printedAt).map((r) => r.printedAt!.getTime() - r.createdAt.getTime()).slice(10);
staff.close();
await server.close();
await printer.close();
await db.drop();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f = (x: number) => `${x.toFixed(1)} ms`;
const line = (name: string, xs: number[]) => `${name.padEnd(44)} p50 ${f(pct(xs, 50))}  p90 ${f(pct(xs, 90))}  p99 ${f(pct(xs, 99))}  max ${f(Math.max(...xs))}`;
console.log(`${N} kiosk tickets, one after another, ${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (memory)'}, fake printer on loopback, confirm = DLE EOT status`);
console.log(line('issue response → printed fact (staff socket)', samples));
console.log(line('job row created → printed_at (server clock)', serverSide));
console.log(line('issue request → response (for scale)', issueMs));
process.exit(0);
