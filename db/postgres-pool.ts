/**
 * The node-postgres pool behind the socket.io fan-out (@socket.io/postgres-adapter takes a pg
 * Pool), built to outlive the database:
 * a connection that dies — database restart, `pg_terminate_backend`, network cut — is dropped
 * and reported, never an unhandled 'error' event that ends the process; new connections are
 * made on demand once the database is back; a connection attempt gives up after
 * CONNECT_TIMEOUT_MS so a command during an outage fails fast.
 * The product's own queries go through postgres.js (db/client.ts).
 */
import pg from 'pg';

export const CONNECT_TIMEOUT_MS = 1500;

export interface PostgresPoolOptions {
  max: number;
  onLost?: ((err: Error) => void) | undefined;
}

export function openPostgresPool(url: string, opts: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  const lost = (err: Error) => opts.onLost?.(err);
  // An idle connection that dies: the pool removes it and emits here.
  pool.on('error', lost);
  // A checked-out connection that dies: the pool takes its idle listener off while a query or
  // transaction holds it, so without this one the 'error' event would be unhandled.
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}
