/**
 * Midnight, timed on the real mechanism: a server whose clock reads 5 s before the hall's local
 * midnight. Asserted: the server pushes a seq beat naming the new service day just after midnight
 * (never before), and every screen — a display that checks the date itself, a display that
 * relies on the server's beat alone (its own day check off), and a counter's staff socket — holds
 * a snapshot of the new day within 2 s of midnight. (The pure rules — which day an instant belongs
 * to, the end-of-day job at the cut-off — are tested with a manual clock in tests/domain/hall-time
 * and tests/app/end-of-day.)
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { instantAt, serviceDate } from '../../server/domain/hall-time';
import type { HallSeqBeat } from '../../server/protocol/heartbeat';
import type { RunningServer } from '../../server/server';
import { createDisplaySession, type DisplaySession } from '../../display-ui/src/stores/display-session';
import { connect, type Connection } from '../../ui-shared/src/connection';
import { createTestDb, type TestDb } from '../_support/db';
import { connected, emitAck, loginAs, socketFor, startTestServer, type ClientSocket } from '../_support/server';
import { DISPLAY_TOKEN, hallIdOf, waitFor } from './_clients';

const t = suite('every screen rolls over within 2 s of midnight');
const TZ = 'Asia/Shanghai';
const LEAD_MS = 5000;
let db: TestDb;
let server: RunningServer;
let offsetMs = 0;
let midnight = 0; // in the server's (shifted) time
const now = () => Date.now() + offsetMs;
const conns: Connection[] = [];
const sessions: DisplaySession[] = [];
const sockets: ClientSocket[] = [];

t.before(async () => {
  const today = serviceDate(new Date(), TZ);
  const tomorrow = serviceDate(new Date(instantAt(today, '23:59', TZ).getTime() + 120_000), TZ);
  // Set-up (seeding, sign-in) happens "yesterday" evening; the countdown starts once the screens are up.
  midnight = instantAt(tomorrow, '00:00', TZ).getTime();
  offsetMs = midnight - 60_000 - Date.now();
  db = await createTestDb();
  server = await startTestServer(db, { now: () => new Date(now()) });
});
t.after(async () => {
  for (const s of sessions) s.dispose();
  for (const c of conns) c.close();
  for (const s of sockets) s.close();
  await server?.close();
  await db?.drop();
});

t('the day-change beat comes just after midnight, and every screen shows the new day ≤ 2 s after it', async () => {
  const hallId = await hallIdOf(server.url, await loginAs(server.url, 'admin'));
  const day = serviceDate(new Date(now()), TZ);

  const display = (dayCheckMs?: number) => {
    const conn = connect({ url: server.url, token: DISPLAY_TOKEN });
    conns.push(conn);
    const session = createDisplaySession(conn, dayCheckMs === undefined ? {} : { dayCheckMs });
    sessions.push(session);
    return session;
  };
  const selfChecking = display();
  const beatOnly = display(10 * 60_000); // its own date check never runs here: only the server's beat can roll it over
  const staff = socketFor(server.url, await loginAs(server.url, 'staff1'));
  sockets.push(staff);
  await connected(staff);
  let staffDay = ((await emitAck(staff, 'hall:subscribe', { hallId })).data as { serviceDate: string }).serviceDate;
  const beats: { at: number; beat: HallSeqBeat }[] = [];
  staff.on('hall:seq', (b: HallSeqBeat) => {
    beats.push({ at: now(), beat: b });
    // The counter's hall sync re-snapshots on a beat of another day; do what it does.
    if (b.serviceDate !== staffDay) void emitAck(staff, 'hall:subscribe', { hallId }).then((r) => (staffDay = (r.data as { serviceDate: string }).serviceDate));
  });
  await waitFor(() => selfChecking.hall.get() && beatOnly.hall.get(), 20_000, 'displays live');
  assert.is(selfChecking.hall.get()!.serviceDate, day);
  assert.is(staffDay, day);

  // Jump the hall's clock to 5 s before midnight (everything above ran "a minute before").
  offsetMs += midnight - LEAD_MS - now();
  const rolled = new Map<string, number>();
  const until = midnight + 15_000;
  while (rolled.size < 3 && now() < until) {
    if (!rolled.has('display') && selfChecking.hall.get()!.serviceDate !== day) rolled.set('display', now() - midnight);
    if (!rolled.has('display, beat only') && beatOnly.hall.get()!.serviceDate !== day) rolled.set('display, beat only', now() - midnight);
    if (!rolled.has('counter') && staffDay !== day) rolled.set('counter', now() - midnight);
    await new Promise((r) => setTimeout(r, 20));
  }
  const dayBeat = beats.find((b) => b.beat.serviceDate !== day);
  console.log(`midnight: day-change beat ${dayBeat ? dayBeat.at - midnight : 'never'} ms after midnight; rolled over after ${[...rolled].map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
  assert.ok(dayBeat, 'a beat named the new day');
  assert.ok(beats.filter((b) => b.at < midnight).every((b) => b.beat.serviceDate === day), 'no beat before midnight names the new day');
  assert.ok(dayBeat!.at - midnight < 2000, `beat ${dayBeat!.at - midnight} ms after midnight`);
  for (const screen of ['display', 'display, beat only', 'counter']) {
    const ms = rolled.get(screen);
    assert.ok(ms !== undefined && ms >= 0 && ms <= 2000, `${screen} rolled over after ${ms} ms`);
  }
  assert.is(beatOnly.hall.get()!.serviceDate, serviceDate(new Date(midnight), TZ));
});

t.run();
