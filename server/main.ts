/** `npm start`: the product on the embedded database (a demo hall on first start) or on DATABASE_URL (a first-admin set-up). */
import { ConfigError, getConfig } from './config';
import { DataDirLockedError } from '../db/data-dir-lock';
import { startBanner } from './start-banner';
import { startServer } from './server';
import { printingBannerLine, startDemoPrinter } from './app/printing/server-printer';

async function main(): Promise<void> {
  const config = getConfig(process.env);
  const demoPrinter = await startDemoPrinter(config, (line) => console.log(line));
  const server = await startServer(demoPrinter ? { ...config, printer: { host: demoPrinter.printer.host, port: demoPrinter.printer.port } } : config);
  const base = `http://localhost:${server.port}`;
  const dbLabel = server.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.databaseUrl === 'memory://' ? 'PGlite in memory' : `PGlite in ${config.dataDir}`;
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
  // Before the banner: whoever sees it may stop the server at once (a signal in between would kill
  // the process without closing the database or releasing the data folder's lock).
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  console.log(startBanner({ base, dbLabel, seeded: server.seed.seeded, demo: server.seed.present, setupCode: server.setupCode, printing: printingBannerLine(config, demoPrinter) }));
  if (server.seed.present && server.db.kind === 'postgres') {
    console.warn('[yichuang] warning: the demo accounts and device tokens are live on this PostgreSQL database (published credentials); remove them before real use');
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('Yichuang could not start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
