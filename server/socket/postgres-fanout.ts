/**
 * Fan-out across server processes on one PostgreSQL: @socket.io/postgres-adapter (LISTEN/NOTIFY),
 * hardened against lost connections.
 *
 * The adapter as published takes its LISTEN connection from the pg pool it is given, attaches no
 * 'error' listener to it (an unhandled 'error' ends the process) and, when that connection ends,
 * never releases it (after a few losses the pool is exhausted and no fact reaches any socket of
 * this node, silently). So it gets a facade instead of the pool: `connect()` opens a fresh,
 * dedicated client with an error listener, and `release()` ends it. The adapter's own
 * reconnection loop (every 1–3 s) then does the rest, after any number of outages.
 *
 * Facts broadcast while a node's LISTEN connection is down are not replayed: clients catch up
 * through the seq heartbeat (server/socket/seq-heartbeat.ts) and a fresh snapshot, which is the
 * one recovery path every screen already has. `onListening` is called each time LISTEN is
 * restored, so the heartbeat can be sent at once instead of at its next tick.
 */
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { CONNECT_TIMEOUT_MS, openPostgresPool } from '../../db/postgres-pool';
import type { IoServer } from './socket-server';

export type FanoutState = 'local' | 'listening' | 'reconnecting';

export interface Fanout {
  state(): FanoutState;
  end(): Promise<void>;
}

export interface FanoutOptions {
  log: (msg: string, err: unknown) => void;
  onListening?: () => void;
}

/** A single process needs no fan-out: socket.io's in-memory adapter is the whole story. */
export const localFanout: Fanout = { state: () => 'local', end: async () => {} };

export async function attachPostgresFanout(io: IoServer, url: string, opts: FanoutOptions): Promise<Fanout> {
  let closing = false;
  const report = (msg: string) => (err: unknown) => closing || opts.log(msg, err);
  const pool = openPostgresPool(url, { max: 3, onLost: report('fan-out pool connection lost') });
  await pool.query('CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)');

  let listener: pg.Client | null = null;
  const facade = {
    query: pool.query.bind(pool),
    async connect(): Promise<pg.Client & { release(): void }> {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
      client.on('error', report('fan-out LISTEN connection lost'));
      try {
        await client.connect();
      } catch (err) {
        client.end().catch(() => {});
        throw err;
      }
      listener = client;
      client.once('end', () => {
        if (listener === client) listener = null;
      });
      // The adapter runs its LISTEN queries right after connect() resolves; tell once they had a chance to.
      setTimeout(() => listener === client && !closing && opts.onListening?.(), 200).unref();
      return Object.assign(client, { release: () => void client.end().catch(() => {}) });
    },
  };
  io.adapter(createAdapter(facade as unknown as pg.Pool, { errorHandler: report('socket adapter') }));
  return {
    state: () => (listener ? 'listening' : 'reconnecting'),
    async end() {
      closing = true;
      await pool.end();
      await listener?.end().catch(() => {});
    },
  };
}
