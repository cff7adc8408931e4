/**
 * `npm run admin:create -- <username> <display name>`: creates an administrator directly in the
 * configured database (same DATABASE_URL / DATA_DIR as the server), the offline alternative to the
 * set-up code in the server log. The password comes from ADMIN_PASSWORD or is asked for on the terminal.
 * On the embedded database stop the server first (PGlite is single-process).
 */
import { createInterface } from 'node:readline/promises';
import { getConfig } from '../server/config';
import { openDb } from '../db/client';
import { staff } from '../db/schema';
import { hashPassword } from '../server/app/passwords';
import { staffCreate } from '../server/protocol/schemas';

async function main(): Promise<number> {
  const [username, ...nameParts] = process.argv.slice(2);
  if (!username) {
    console.error('usage: npm run admin:create -- <username> [display name]   (password: ADMIN_PASSWORD or asked)');
    return 2;
  }
  const password = process.env.ADMIN_PASSWORD ?? (await ask('Password (at least 8 characters): '));
  const input = staffCreate.safeParse({ username, displayName: nameParts.join(' ') || username, password, role: 'admin' });
  if (!input.success) {
    for (const issue of input.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const config = getConfig(process.env);
  const opened = await openDb(config.databaseUrl, { dataDir: config.dataDir });
  try {
    const rows = await opened.db
      .insert(staff)
      .values({ username: input.data.username, displayName: input.data.displayName, role: 'admin', hallIds: [], passwordHash: await hashPassword(input.data.password) })
      .onConflictDoNothing()
      .returning({ id: staff.id });
    if (!rows.length) {
      console.error(`A staff account named ${input.data.username} already exists; choose another user name.`);
      return 1;
    }
    console.log(`Administrator ${input.data.username} created. Sign in at /admin/.`);
    return 0;
  } finally {
    await opened.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('admin:create failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
