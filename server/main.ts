/** `npm start`: the product on the embedded database (or DATABASE_URL), with a demo hall on first start. */
import { ConfigError, getConfig } from './config';
import { DataDirLockedError } from '../db/data-dir-lock';
import { DEMO_DEVICES, DEMO_PASSWORD, DEMO_STAFF } from './seed/demo-hall-data';
import { startServer } from './server';
import { printingBannerLine, startDemoPrinter } from './app/printing/server-printer';

async function main(): Promise<void> {
  const config = getConfig(process.env);
  const demoPrinter = await startDemoPrinter(config, (line) => console.log(line));
  const server = await startServer(demoPrinter ? { ...config, printer: { host: demoPrinter.printer.host, port: demoPrinter.printer.port } } : config);
  const base = `http://localhost:${server.port}`;
  const dbLabel = server.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.databaseUrl === 'memory://' ? 'PGlite in memory' : `PGlite in ${config.dataDir}`;
  console.log(`
一窗 Yichuang is running — database: ${dbLabel}${server.seed.seeded ? ' (demo hall created)' : ''}

  自助取号机 Kiosk      ${base}/kiosk/?token=${DEMO_DEVICES[0]!.token}
  窗口工作台 Counter    ${base}/counter/
  大厅综合屏 Display    ${base}/display/?token=${DEMO_DEVICES[1]!.token}
  管理看板 Dashboard    ${base}/dashboard/
  预约办事 Booking      ${base}/booking/
  API health           ${base}/api/health
${printingBannerLine(config, demoPrinter)}

Demo sign-in (password for all: ${DEMO_PASSWORD}):
${DEMO_STAFF.map((s) => `  ${s.username.padEnd(9)} ${s.role.padEnd(8)} ${s.displayName}`).join('\n')}
`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close();
    await demoPrinter?.close();
    console.log('closed cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('Yichuang could not start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
