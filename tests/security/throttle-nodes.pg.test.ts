/**
 * The sign-in and booking limits hold across server processes (issue #11 §6): two `server/main.ts`
 * processes on one PostgreSQL, requests alternating between them. With counters in each process's
 * memory every node would see only half the failures and nothing would lock; counted in the
 * database (throttle_counters) the nodes count together. Also re-checks, across the nodes, that a
 * real colleague elsewhere is not hurt, that 401 and 423 do not tell real from unknown accounts, and
 * that an administrator's unlock on one node frees the name on the other.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startServerProcess, type ServerProcess } from '../_support/processes';
import { createTestDb, onPostgres, type TestDb } from '../_support/db';
import { api, loginAs } from '../_support/server';

const t = suite('throttles shared by two server processes');

if (onPostgres) {
  let db: TestDb;
  let a: ServerProcess;
  let b: ServerProcess;
  const nodes = () => [a, b];

  /** One request from a client address (both nodes trust X-Forwarded-For, as behind the hall's proxy). */
  async function from(node: ServerProcess, address: string, method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(node.url + path, {
      method,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as any;
    return { status: res.status, answer: `${res.status} ${json.error?.code ?? 'ok'} ${json.error?.message ?? ''}` };
  }
  const signIn = (node: ServerProcess, address: string, username: string, password = 'wrong-password') => from(node, address, 'POST', '/api/auth/login', { username, password });

  t.before(async () => {
    db = await createTestDb();
    const env = { DATABASE_URL: db.url, PII_KEY: '66'.repeat(32), SEED_DEMO: 'true', TRUST_PROXY: 'true' };
    a = await startServerProcess({ name: 'A', env });
    b = await startServerProcess({ name: 'B', env });
  });
  t.after(async () => {
    await a?.stop();
    await b?.stop();
    await db.drop();
  });

  t('wrong passwords alternating between the nodes are counted together: the fifth locks, on both', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await signIn(nodes()[i % 2]!, '10.9.0.1', 'staff1')).answer);
    assert.equal(answers.slice(0, 4).map((x) => x.slice(0, 24)), Array(4).fill('401 invalid_credentials '));
    assert.match(answers[4]!, /^423 account_locked .*locked here for 15 minutes/);
    for (const node of nodes()) assert.match((await signIn(node, '10.9.0.1', 'staff1', 'yichuang2026')).answer, /^423 account_locked/, `${node.name} refuses even the right password`);
    for (const node of nodes()) assert.is((await signIn(node, '10.9.0.2', 'staff1', 'yichuang2026')).status, 200, `the real colleague at another address signs in on ${node.name}`);
  });

  t('an unknown user name answers exactly like a real one, across the nodes', async () => {
    const real: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 6; i++) {
      real.push((await signIn(nodes()[i % 2]!, '10.9.3.1', 'staff2')).answer.replace(/\d+ minutes/, 'N minutes'));
      unknown.push((await signIn(nodes()[(i + 1) % 2]!, '10.9.3.1', 'no-such-user')).answer.replace(/\d+ minutes/, 'N minutes'));
    }
    assert.equal(unknown, real);
    assert.match(real[5]!, /^423/);
  });

  t('an administrator’s unlock through node A frees the name on node B', async () => {
    const admin = await loginAs(a.url, 'admin');
    const staff = (await api(a.url, 'GET', '/api/staff', undefined, admin)).json.data as { id: string; username: string }[];
    const staff1 = staff.find((s) => s.username === 'staff1')!;
    assert.is((await api(a.url, 'PATCH', `/api/staff/${staff1.id}`, { unlock: true }, admin)).status, 200);
    assert.is((await signIn(b, '10.9.0.1', 'staff1', 'yichuang2026')).status, 200);
  });

  t('password spraying from one address: 20 failures over both nodes, then 429 on both — except for a colleague known there', async () => {
    assert.is((await signIn(a, '10.9.1.1', 'staff4', 'yichuang2026')).status, 200, 'staff4 signed in from this address before (on A)');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(nodes()[i % 2]!, '10.9.1.1', `guess${i}`)).status);
    assert.equal(statuses, Array(20).fill(401));
    for (const node of nodes()) assert.match((await signIn(node, '10.9.1.1', 'staff3', 'yichuang2026')).answer, /^429 rate_limited/);
    assert.is((await signIn(b, '10.9.1.2', 'staff3', 'yichuang2026')).status, 200, 'another address is unaffected');
    assert.is((await signIn(b, '10.9.1.1', 'staff4', 'yichuang2026')).status, 200, 'the stranger did not lock out the colleague known at this address (on B)');
    assert.match((await signIn(b, '10.9.1.1', 'staff4')).answer, /^429 rate_limited/, 'a wrong password for the known name answers 429 like any other');
  });

  t('parallel guesses split over both nodes: no more than the limit reach a password check', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(nodes()[i % 2]!, '10.9.4.1', `burst${i}`)));
    const statuses = answers.map((r) => r.status);
    assert.is(statuses.filter((s) => s === 401).length, 20, JSON.stringify(statuses));
    assert.is(statuses.filter((s) => s === 429).length, 20);
  });

  t('phone codes for booking: ten per address per ten minutes over both nodes, in sequence and in parallel', async () => {
    const phone = (n: number) => `1390000${String(1000 + n)}`;
    const seq: number[] = [];
    for (let i = 0; i < 11; i++) seq.push((await from(nodes()[i % 2]!, '10.9.2.1', 'POST', '/api/booking/phone-codes', { phone: phone(i) })).status);
    assert.equal(seq, [...Array(10).fill(201), 429]);
    const par = await Promise.all(Array.from({ length: 24 }, (_, i) => from(nodes()[i % 2]!, '10.9.2.2', 'POST', '/api/booking/phone-codes', { phone: phone(100 + i) })));
    assert.is(par.filter((r) => r.status === 201).length, 10, JSON.stringify(par.map((r) => r.status)));
    assert.is(par.filter((r) => r.status === 429).length, 14);
  });

  t('neither node logged a stack trace or exited', () => {
    for (const node of nodes()) {
      assert.is(node.exited(), null, `${node.name} exited`);
      assert.not.match(node.output(), /\n\s+at .+:\d+:\d+\)/, `${node.name} wrote a stack trace`);
    }
  });
}

t.run();
