/** Hot-path statements built once (server/app/prepared.ts) run on the caller's own transaction. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, sql } from 'drizzle-orm';
import { halls } from '../../db/schema';
import { rawStatement, statement } from '../../server/app/prepared';
import { createTestDb, type TestDb } from '../_support/db';
import { seedDemoHall } from '../_support/fixtures';

let db: TestDb;
let hallId: string;
const nameOf = statement('test_hall_name', (d) => d.select({ name: halls.name }).from(halls).where(eq(halls.id, sql.placeholder('id'))));
const rename = rawStatement<{ name: string }>('test_hall_rename', sql`UPDATE halls SET name = ${sql.placeholder('name')}::text WHERE id = ${sql.placeholder('id')}::uuid RETURNING name`);

const t = suite('prepared statements');
t.before(async () => {
  db = await createTestDb();
  hallId = (await seedDemoHall(db.db)).hallId;
});
t.after(async () => db.drop());

t('a statement sees its own transaction’s uncommitted write, and the rollback undoes it', async () => {
  const [before] = await nameOf(db.db, { id: hallId });
  let inside = '';
  try {
    await db.db.transaction(async (tx) => {
      const [renamed] = await rename(tx, { id: hallId, name: '测试改名' });
      assert.is(renamed?.name, '测试改名');
      inside = (await nameOf(tx, { id: hallId }))[0]!.name;
      throw new Error('roll back');
    });
  } catch (err) {
    assert.is((err as Error).message, 'roll back');
  }
  assert.is(inside, '测试改名');
  const [after] = await nameOf(db.db, { id: hallId });
  assert.is(after?.name, before?.name);
});

t('each call takes its own values; two transactions at once each see their own', async () => {
  const names = await Promise.all(
    ['甲', '乙'].map((name) =>
      db.db
        .transaction(async (tx) => {
          await rename(tx, { id: hallId, name });
          return (await nameOf(tx, { id: hallId }))[0]!.name;
        })
        .catch((err: Error) => `error ${err.message}`),
    ),
  );
  assert.equal(names, ['甲', '乙']);
  assert.equal(await nameOf(db.db, { id: '00000000-0000-0000-0000-000000000000' }), []);
});

t.run();
