/** A new embedded data folder: made in a temporary folder and renamed into place only on success; a foreign folder is refused. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'drizzle-orm';
import { NotADatabaseError, openDb } from '../../db/client';
import { createEmbeddedFolderInChild } from '../../server/seed/first-start';
import { demoPresent, type SeedResult } from '../../server/seed/seed-demo';

const t = suite('embedded first start: the data folder');
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'yc-first-'));
  dirs.push(d);
  return d;
};
t.after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

t('a failed creation leaves no database behind and releases the lock; the next start creates it', async () => {
  const dir = fresh();
  try {
    await openDb(`file://${dir}`, {
      createFolder: async (pgdata) => {
        mkdirSync(pgdata);
        writeFileSync(join(pgdata, 'half-written'), 'x');
        throw new Error('the set-up process was killed');
      },
    });
    assert.unreachable('the failure must surface');
  } catch (err) {
    assert.match((err as Error).message, 'the set-up process was killed');
  }
  assert.not.ok(existsSync(join(dir, 'pgdata')), 'no pgdata after a failed first start');
  assert.not.ok(existsSync(join(dir, 'yichuang.lock')), 'lock released');

  const opened = await openDb(`file://${dir}`);
  try {
    assert.ok(existsSync(join(dir, 'pgdata', 'PG_VERSION')));
    assert.not.ok(existsSync(join(dir, 'pgdata.creating')), 'the leftover was discarded');
    assert.not.ok(existsSync(join(dir, 'pgdata', 'half-written')));
  } finally {
    await opened.close();
  }
});

t('a creator that writes no database is an error, not an empty server', async () => {
  const dir = fresh();
  try {
    await openDb(`file://${dir}`, { createFolder: async (pgdata) => mkdirSync(pgdata) });
    assert.unreachable('must fail');
  } catch (err) {
    assert.match((err as Error).message, 'no database was written');
  }
  assert.not.ok(existsSync(join(dir, 'pgdata')));
});

t('a pgdata folder with files but no PG_VERSION is refused and left untouched', async () => {
  const dir = fresh();
  mkdirSync(join(dir, 'pgdata'));
  writeFileSync(join(dir, 'pgdata', 'pg_hba.conf'), 'somebody else’s files');
  let created = false;
  try {
    await openDb(`file://${dir}`, { createFolder: async () => void (created = true) });
    assert.unreachable('must refuse');
  } catch (err) {
    assert.instance(err, NotADatabaseError);
    assert.match((err as Error).message, 'PG_VERSION is missing');
  }
  assert.not.ok(created, 'nothing was created over it');
  assert.equal(readdirSync(join(dir, 'pgdata')), ['pg_hba.conf']);
  assert.is(readFileSync(join(dir, 'pgdata', 'pg_hba.conf'), 'utf8'), 'somebody else’s files');
  assert.not.ok(existsSync(join(dir, 'yichuang.lock')), 'lock released');
});

t('the server’s child creates, migrates and seeds the folder; a restart opens it with the demo present and nothing pending', async () => {
  const dir = fresh();
  const got: { result?: SeedResult } = {};
  const opened = await openDb(`file://${dir}`, { migrate: false, createFolder: async (pgdata) => void (got.result = await createEmbeddedFolderInChild(pgdata, true)) });
  try {
    assert.ok(got.result, 'the child reported its result');
    assert.is(got.result!.seeded, true);
    assert.is(got.result!.present, true);
    assert.type(got.result!.hallId, 'string');
    assert.ok(await demoPresent(opened.db));
    const migrated = await opened.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    const journal = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    assert.is((migrated as unknown as { rows: { n: number }[] }).rows[0]!.n, journal.entries.length, 'every migration ran in the child');
  } finally {
    await opened.close();
  }
});

t('without the demo the child seeds nothing', async () => {
  const dir = fresh();
  const got: { result?: SeedResult } = {};
  const opened = await openDb(`file://${dir}`, { createFolder: async (pgdata) => void (got.result = await createEmbeddedFolderInChild(pgdata, false)) });
  try {
    assert.equal(got.result, { seeded: false, hallId: null, present: false });
    assert.not.ok(await demoPresent(opened.db));
  } finally {
    await opened.close();
  }
});

t('a child that fails names the folder and the reason, without a stack trace', async () => {
  const dir = fresh();
  const blocker = join(dir, 'not-a-folder');
  writeFileSync(blocker, 'a file where the database folder should go');
  try {
    await createEmbeddedFolderInChild(join(blocker, 'pgdata'), true);
    assert.unreachable('must fail');
  } catch (err) {
    const message = (err as Error).message;
    assert.match(message, `creating the embedded database in ${join(blocker, 'pgdata')} failed: `);
    assert.not.match(message, /\n\s+at /);
  }
});

t.run();
