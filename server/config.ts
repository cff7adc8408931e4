/** Pure: environment in, validated configuration out. Bad configuration is a clear message, not a crash. */
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(memory:\/\/|file:\/\/.+|postgres(ql)?:\/\/.+)$/, 'must be memory://, file://<dir> or postgres://…')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  PII_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes)')
    .optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Unset: demo data only for the embedded default (no DATABASE_URL); a real database gets it only with SEED_DEMO=true. */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PRINTER_HOST: z.string().optional(),
  PRINTER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** 1: start a fake printer for kiosks without one; 0: never; unset: only on embedded PGlite with demo data. */
  FAKE_PRINTER: z.enum(['0', '1']).optional(),
  FAKE_PRINTER_PORT: z.coerce.number().int().min(0).max(65535).default(9109),
  /** Where "your result is ready" notices are POSTed (an SMS gateway); unset: written to the log. */
  CASE_WEBHOOK_URL: z.string().url().optional(),
  /** 1: the city benchmark's floor and metrics socket events (bench/city.ts); never in production. */
  BENCH_HOOKS: z.enum(['0', '1']).default('0'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  piiKeyHex: string | undefined;
  publicBaseUrl: string | undefined;
  seedDemo: boolean;
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  trustProxy: boolean;
  printer: { host: string; port: number } | null;
  fakePrinter: { enabled: boolean | 'auto'; port: number };
  /** Case-ready webhook (CASE_WEBHOOK_URL); unset → log sink. */
  caseWebhookUrl?: string | undefined;
  /** BENCH_HOOKS=1: server/socket/bench-hooks.ts and per-command timing are on. */
  benchHooks?: boolean;
}

export class ConfigError extends Error {}

export function getConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means unset (e.g. `DATABASE_URL= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    piiKeyHex: e.PII_KEY,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    seedDemo: e.SEED_DEMO === undefined ? e.DATABASE_URL === undefined : e.SEED_DEMO === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    printer: e.PRINTER_HOST ? { host: e.PRINTER_HOST, port: e.PRINTER_PORT ?? 9100 } : null,
    fakePrinter: { enabled: e.FAKE_PRINTER === undefined ? 'auto' : e.FAKE_PRINTER === '1', port: e.FAKE_PRINTER_PORT },
    caseWebhookUrl: e.CASE_WEBHOOK_URL,
    benchHooks: e.BENCH_HOOKS === '1',
  };
}
