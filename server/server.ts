/**
 * Composition: config → database → use-case deps → Koa + socket.io on one http.Server.
 * Used by main.ts, the tests (port 0) and the benchmark.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';
import type { AppState } from './http/context';
import { openDb, type OpenedDb } from '../db/client';
import type { AppDeps } from './app/deps';
import { logNotifier, webhookNotifier } from './app/cases/case-notifier';
import { startBackgroundJobs, type BackgroundJobs } from './app/targets/jobs';
import type { Config } from './config';
import { systemClock, type Clock } from './domain/clock';
import { createHttpApp } from './http/http-app';
import { createPrintService } from './app/printing/print-service';
import { publicBaseUrlWarning, serverDefaultPrinter } from './app/printing/server-printer';
import { loadPiiKey } from './pii-key';
import { safeLogger } from './app/safe-log';
import { logPhoneNotifier, type PhoneNotifier } from './app/phone-notifier';
import { demoPresent, seedDemo, type SeedResult } from './seed/seed-demo';
import { createEmbeddedFolderInChild } from './seed/first-start';
import { prepareFirstAdminSetup } from './app/setup/first-admin';
import { socketRevoker } from './socket/revocation';
import type { RemoteFacts } from './socket/fact-bus';
import { attachPostgresFanout, localFanout } from './socket/postgres-fanout';
import { startSeqHeartbeat } from './socket/seq-heartbeat';
import { createSocketServer, socketPublisher, type IoServer } from './socket/socket-server';
import { mountStaticUis } from './static-ui';
import { attachBenchHooks } from './socket/bench-hooks';
import { enableCommandTiming } from './app/command-timing';

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  db: OpenedDb;
  io: IoServer;
  http: HttpServer;
  /** The Koa application the HTTP server runs (tests read its routers). */
  app: Koa<AppState>;
  seed: SeedResult;
  /** The one-time first-admin set-up code to print, when no administrator exists yet. */
  setupCode: string | null;
  /** The target scanner and the appointment no-show job (null when started without them). */
  jobs: BackgroundJobs | null;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  log?: (msg: string, err: unknown) => void;
  /** An already opened database (tests share one between restarts). */
  db?: OpenedDb;
  /** Background jobs (target scanner, no-show job): on by default; false to run none; or their intervals. */
  backgroundJobs?: boolean | { targetScanMs?: number; noShowMs?: number };
  /** How long a counter's workstation may be gone before it shows offline (default 5 s). */
  presenceGraceMs?: number;
  /** Where booking codes go (default: the log, phone masked). */
  phoneNotifier?: PhoneNotifier;
  /** How often each process re-checks the sessions and devices behind its open sockets (default 5 s). */
  socketRecheckMs?: number;
  /** How often the seq heartbeat tells this process's sockets where their hall is (default 3 s). */
  seqHeartbeatMs?: number;
}

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  // Every error logged from here on is reduced to class · database code · source line (no SQL parameters, no personal data).
  const log = safeLogger(opts.log ?? ((msg: string, err: unknown) => console.error(`[yichuang] ${msg}`, err)));
  // A new embedded folder is created, migrated and seeded in a child process (server/seed/first-start.ts).
  let firstStart: SeedResult | null = null;
  const createFolder = async (pgdata: string) => void (firstStart = await createEmbeddedFolderInChild(pgdata, config.seedDemo));
  const db = opts.db ?? (await openDb(config.databaseUrl, { dataDir: config.dataDir, createFolder }));
  let io: IoServer | null = null;
  let remoteFacts: RemoteFacts | null = null;
  const deps: AppDeps = {
    db: db.db,
    clock: opts.clock ?? systemClock,
    publisher: socketPublisher(() => io, () => remoteFacts),
    piiKey: loadPiiKey(config),
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
  };
  deps.notifier = config.caseWebhookUrl ? webhookNotifier(config.caseWebhookUrl, { log }) : logNotifier((line) => opts.log ? opts.log(line, null) : console.log(line));
  deps.printing = createPrintService(deps, { defaultProfile: serverDefaultPrinter(config), log });
  const seed = firstStart ?? (config.seedDemo ? await seedDemo(db.db) : { seeded: false, hallId: null, present: await demoPresent(db.db) });
  const setupCode = await prepareFirstAdminSetup(deps);
  let fanoutState: () => string = localFanout.state;
  const app = createHttpApp(deps, { log, trustProxy: config.trustProxy, fanoutState: () => fanoutState(), mounts: [(a) => mountStaticUis(a as unknown as Koa<never>, projectRoot)] });
  const http = createServer(app.callback());
  io = createSocketServer(http, deps, log, {
    ...(opts.presenceGraceMs !== undefined && { presenceGraceMs: opts.presenceGraceMs }),
    ...(opts.socketRecheckMs !== undefined && { recheckMs: opts.socketRecheckMs }),
    ...(config.publicBaseUrl && { allowedOrigins: [config.publicBaseUrl] }),
    trustProxy: config.trustProxy,
  });
  deps.revoker = socketRevoker(() => io);
  if (config.benchHooks) {
    await enableCommandTiming();
    attachBenchHooks(io, deps);
    console.warn('[yichuang] warning: BENCH_HOOKS=1 — benchmark socket events are on (never use in production)');
  }
  deps.phoneNotifier = opts.phoneNotifier ?? logPhoneNotifier();
  const heartbeat = startSeqHeartbeat(io, deps, { log, ...(opts.seqHeartbeatMs !== undefined && { intervalMs: opts.seqHeartbeatMs }) });
  const fanout =
    db.kind === 'postgres' && db.url ? await attachPostgresFanout(io, db.url, { log, onListening: () => void heartbeat.beatNow() }) : localFanout;
  fanoutState = fanout.state;
  remoteFacts = fanout.facts;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  if (!config.publicBaseUrl) deps.publicBaseUrl = `http://localhost:${port}`;
  const urlWarning = publicBaseUrlWarning(config, port);
  if (urlWarning) console.warn(`[yichuang] warning: ${urlWarning}`);
  await deps.printing.start(); // re-run print jobs a previous run left open
  const jobs = opts.backgroundJobs === false ? null : startBackgroundJobs(deps, { log, ...(typeof opts.backgroundJobs === 'object' && opts.backgroundJobs) });

  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    db,
    io,
    http,
    app,
    seed,
    setupCode,
    jobs,
    async close() {
      if (closed) return;
      closed = true;
      await deps.printing?.close();
      await jobs?.stop();
      heartbeat.stop();
      io?.disconnectSockets(true);
      await new Promise<void>((resolve) => io!.close(() => resolve()));
      http.closeAllConnections?.();
      await fanout.end();
      if (!opts.db) await db.close();
    },
  };
}
