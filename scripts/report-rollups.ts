/**
 * `npm run reports:rollup -- [--rebuild] [--check] [--from=YYYY-MM-DD] [--to=YYYY-MM-DD]`: the report
 * roll-ups (docs/performance.md, "Report roll-ups") in the configured database (same DATABASE_URL / DATA_DIR as
 * the server; on the embedded database stop the server first).
 *   (default)  covers every hall's past days not yet rolled up (what the end-of-day job does)
 *   --rebuild  drops every hall's roll-ups and builds them again from the tickets, and recounts the
 *              trigger-kept live and appointment counts and ticket closings (server/app/reports/live-counts.ts) first
 *   --check    compares every report grouping, tickets alone against roll-ups, and the kept counts
 *              against a recount; exit 1 on a difference
 */
import { sql } from 'drizzle-orm';
import { openDb } from '../db/client';
import { halls } from '../db/schema';
import { serviceDate } from '../server/domain/hall-time';
import { queryRows } from '../server/app/reports/report-sql';
import { rebuildHall, sealPastDays } from '../server/app/reports/rollup';
import { checkRollups } from '../server/app/reports/rollup-check';
import { keptCountDifferences, recountHall } from '../server/app/reports/live-counts';
import { getConfig } from '../server/config';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<number> {
  const config = getConfig(process.env);
  const opened = await openDb(config.databaseUrl, { dataDir: config.dataDir });
  try {
    const now = new Date();
    for (const hall of await opened.db.select().from(halls)) {
      const t0 = performance.now();
      // The kept rows first: a rebuild's staff rows are read through ticket_closings.
      if (flag('rebuild')) await opened.db.transaction((tx) => recountHall(tx, hall.id));
      const days = flag('rebuild') ? await rebuildHall(opened.db, hall.id, hall.timeZone, now) : await sealPastDays(opened.db, hall.id, hall.timeZone, now);
      console.log(`${hall.code}: ${flag('rebuild') ? 'rebuilt' : 'covered'} ${days.length} day(s) in ${Math.round(performance.now() - t0)} ms`);
    }
    if (!flag('check')) return 0;
    let failed = 0;
    for (const hall of await opened.db.select().from(halls)) {
      const [range] = await queryRows<{ from: string | null; to: string | null }>(
        opened.db,
        sql`SELECT min(service_date) AS "from", max(service_date) AS "to" FROM tickets WHERE hall_id = ${hall.id}`,
      );
      const from = arg('from') ?? range?.from;
      const to = arg('to') ?? range?.to ?? serviceDate(now, hall.timeZone);
      if (!from) continue;
      const diffs = await checkRollups(opened.db, { hallIds: [hall.id], from, to, now });
      for (const d of diffs) console.log(`  ${hall.code} ${d.groupBy} ${d.key} ${d.figure}: tickets ${d.tickets} roll-ups ${d.rollups}`);
      console.log(`${hall.code} ${from}…${to}: ${diffs.length === 0 ? 'roll-ups agree with the tickets' : `${diffs.length} difference(s)`}`);
      failed += diffs.length;
    }
    const kept = await keptCountDifferences(opened.db);
    for (const d of kept) console.log(`  ${d.table} ${d.row} ${d.column}: kept ${d.kept} recount ${d.recount}`);
    console.log(`live and appointment counts, ticket closings: ${kept.length === 0 ? 'agree with a recount' : `${kept.length} difference(s)`}`);
    failed += kept.length;
    return failed === 0 ? 0 : 1;
  } finally {
    await opened.close();
  }
}

process.exitCode = await main();
