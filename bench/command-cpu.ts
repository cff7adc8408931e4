/**
 * Own CPU per command without sockets (docs/performance.md §Own time per command (third pass)): on a fresh
 * database (DATABASE_URL as the tests: PostgreSQL, or in-memory PGlite without it) one counter of the demo hall
 * loops issue → call-next → start → finish under command-timing.ts (as BENCH_HOOKS=1); 100 cycles of warm-up,
 * then N (300) measured. Commands never overlap, so own CPU (process CPU over the command − over its
 * statements) is exact.   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/command-cpu.ts
 * Add `node --cpu-prof --import tsx` instead of tsx for a profile (bench/profile-top.ts).
 */
import { createTestDb } from '../tests/_support/db';
import { cmd, seedDemoHall, testDeps } from '../tests/_support/fixtures';
import { enableCommandTiming, takeCommandSamples, timeCommand } from '../server/app/command-timing';
import { callNext } from '../server/app/call-next';
import { actOnCounter } from '../server/app/counter-actions';
import { issueTicket } from '../server/app/issue-ticket';
import { actOnTicketAtCounter } from '../server/app/ticket-actions';
import { systemClock } from '../server/domain/clock';
const N = Number(process.env.N ?? 300);
const db = await createTestDb();
try {
  const hall = await seedDemoHall(db.db);
  await enableCommandTiming();
  const deps = testDeps(db.db, systemClock);
  const kiosk = await hall.kiosk();
  const staff = await hall.staff('staff1');
  const matter = await hall.matter('企业设立登记');
  const counter = await hall.counter(1);
  await actOnCounter(deps, staff, 'take', { commandId: cmd(), counterId: counter.id });
  for (let i = 0; i < 5; i++) await issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id });
  const cycle = async () => {
    await timeCommand('ticket:issue', () => issueTicket(deps, kiosk, hall.hallId, { commandId: cmd(), matterId: matter.id }));
    const c = await timeCommand('ticket:call-next', () => callNext(deps, staff, { commandId: cmd(), counterId: counter.id }));
    const ticketId = c.ticket!.id;
    await timeCommand('ticket:start', () => actOnTicketAtCounter(deps, staff, 'start', { commandId: cmd(), counterId: counter.id, ticketId }));
    await timeCommand('ticket:finish', () => actOnTicketAtCounter(deps, staff, 'finish', { commandId: cmd(), counterId: counter.id, ticketId }));
  };
  for (let i = 0; i < 100; i++) await cycle(); // warm-up (JIT)
  takeCommandSamples();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await cycle();
  const d = process.cpuUsage(cpu0);
  const s = takeCommandSamples();
  const med = (a: number[]) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]!; };
  for (const name of ['ticket:issue', 'ticket:call-next', 'ticket:start', 'ticket:finish']) {
    const m = s.filter((x) => x.name === name);
    console.log(`${name.padEnd(17)} own CPU p50 ${med(m.map((x) => x.cpuMs - x.dbCpuMs)).toFixed(3)} ms, mean ${(m.reduce((a, x) => a + x.cpuMs - x.dbCpuMs, 0) / m.length).toFixed(3)}; CPU p50 ${med(m.map((x) => x.cpuMs)).toFixed(3)}; own time p50 ${med(m.map((x) => x.totalMs - x.dbMs)).toFixed(3)}; wall p50 ${med(m.map((x) => x.totalMs)).toFixed(3)}; ${med(m.map((x) => x.queries))} statements`);
  }
  console.log(`process CPU per cycle ${((d.user + d.system) / 1000 / N).toFixed(2)} ms`);
} finally {
  await db.drop();
}
