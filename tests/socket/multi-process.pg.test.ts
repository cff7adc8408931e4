/**
 * Several server processes on one database. On PostgreSQL: two servers share the database and the
 * socket.io postgres adapter: a call made through server A reaches a display on server B, and
 * counters on both servers calling at once never share a ticket. (PGlite is single-process by
 * design; tests/server/startup.test.ts proves a second process is refused there.)
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { getConfig } from '../../server/config';
import type { PublicHallFact } from '../../server/protocol/events';
import type { HallSnapshot } from '../../server/protocol/views';
import { startServer, type RunningServer } from '../../server/server';
import { openDb } from '../../db/client';
import { createTestDb, onPostgres, type TestDb } from '../_support/db';
import { openTicketHoursAlways } from '../_support/fixtures';
import { api, connected, emitAck, loginAs, socketFor, type ClientSocket } from '../_support/server';

// Run only against PostgreSQL: the test runner skips *.pg.test.ts files on PGlite.
const t = suite('several server processes on one PostgreSQL');

if (onPostgres) {
  let db: TestDb;
  let a: RunningServer;
  let b: RunningServer;
  const sockets: ClientSocket[] = [];
  const config = { ...getConfig({ PORT: '0', HOST: '127.0.0.1', PII_KEY: '22'.repeat(32) }) };

  t.before(async () => {
    db = await createTestDb();
    // Each server opens its own pool, as separate processes would.
    a = await startServer({ ...config, databaseUrl: db.url }, { log: () => {} });
    b = await startServer({ ...config, databaseUrl: db.url }, { db: await openDb(db.url), log: () => {} });
    await openTicketHoursAlways(db.db); // the kiosk issues at any hour, whenever CI runs
  });
  t.after(async () => {
    for (const s of sockets) s.close();
    await a.close();
    await b.close();
    await b.db.close();
    await db.drop();
  });

  t('the demo hall is seeded once even when both start together', async () => {
    const token = await loginAs(a.url, 'admin');
    const halls = await api(b.url, 'GET', '/api/halls', undefined, token);
    assert.is(halls.json.data.length, 1);
  });

  t('a call through server A reaches a display connected to server B', async () => {
    const staffToken = await loginAs(a.url, 'staff1');
    const staff = socketFor(a.url, staffToken);
    const display = socketFor(b.url, 'dv_demo-display-1');
    sockets.push(staff, display);
    await Promise.all([connected(staff), connected(display)]);
    const snap = (await emitAck<HallSnapshot>(staff, 'hall:subscribe', { hallId: (await api(a.url, 'GET', '/api/halls', undefined, staffToken)).json.data[0].id })).data!;
    assert.ok((await emitAck(display, 'public:subscribe', { hallId: snap.hall.id })).ok);
    const matter = snap.matters.find((m) => m.name === '企业设立登记')!;
    const counter = snap.counters.find((c) => c.number === 1)!;
    await api(b.url, 'POST', `/api/halls/${snap.hall.id}/tickets`, { commandId: randomUUID(), matterId: matter.id }, 'dv_demo-kiosk-1');
    await emitAck(staff, 'counter:take', { commandId: randomUUID(), counterId: counter.id });
    const seen = new Promise<PublicHallFact>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('display on B never saw the call')), 5000);
      display.on('public:fact', (f) => {
        if (f.type === 'ticket:called') {
          clearTimeout(timer);
          resolve(f);
        }
      });
    });
    const ack = await emitAck(staff, 'ticket:call-next', { commandId: randomUUID(), counterId: counter.id });
    assert.ok(ack.ok, JSON.stringify(ack.error));
    const fact = await seen;
    assert.is(fact.call?.counterNumber, 1);
  });

  t('counters on both servers calling at once never share a ticket', async () => {
    const admin = await loginAs(a.url, 'admin');
    const hallId = (await api(a.url, 'GET', '/api/halls', undefined, admin)).json.data[0].id;
    const matters = (await api(a.url, 'GET', `/api/halls/${hallId}/matters`, undefined, admin)).json.data;
    const matter = matters.find((m: { name: string }) => m.name === '社保登记');
    for (let i = 0; i < 60; i++) {
      await api(i % 2 ? a.url : b.url, 'POST', `/api/halls/${hallId}/tickets`, { commandId: randomUUID(), matterId: matter.id }, 'dv_demo-kiosk-1');
    }
    const counters = (await api(a.url, 'GET', `/api/halls/${hallId}/counters`, undefined, admin)).json.data.filter((c: { number: number }) => [4, 5, 11, 14].includes(c.number));
    const users = ['staff2', 'staff3', 'staff4', 'manager']; // staff1 still sits at counter 1
    const claimed: string[] = [];
    await Promise.all(
      counters.map(async (c: { id: string }, i: number) => {
        const server = i % 2 ? a : b;
        const s = socketFor(server.url, await loginAs(server.url, users[i]!));
        sockets.push(s);
        await connected(s);
        const took = await emitAck(s, 'counter:take', { commandId: randomUUID(), counterId: c.id });
        assert.ok(took.ok, JSON.stringify(took.error));
        for (;;) {
          const r = await emitAck<{ ticket: { id: string } }>(s, 'ticket:call-next', { commandId: randomUUID(), counterId: c.id });
          if (!r.ok) {
            assert.is(r.error?.code, 'queue_empty');
            return;
          }
          claimed.push(r.data!.ticket.id);
          await emitAck(s, 'ticket:no-show', { commandId: randomUUID(), counterId: c.id, ticketId: r.data!.ticket.id });
        }
      }),
    );
    assert.is(claimed.length, 60);
    assert.is(new Set(claimed).size, 60, 'no ticket called twice');
  });
}

t.run();
