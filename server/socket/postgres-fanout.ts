/**
 * Fan-out across server processes on one PostgreSQL: @socket.io/postgres-adapter (LISTEN/NOTIFY),
 * hardened against lost connections.
 *
 * The adapter as published takes its LISTEN connection from the pg pool it is given, attaches no
 * 'error' listener to it (an unhandled 'error' ends the process) and, when that connection ends,
 * never releases it (after a few losses the pool is exhausted and no fact reaches any socket of
 * this node, silently). So it gets a facade instead of the pool: `connect()` hands out one
 * self-healing listener — a dedicated connection with an error listener that, when lost, is
 * replaced every RECONNECT_MS until the database answers, and re-issues the LISTENs it was given.
 * The adapter never sees the loss, so none of its own recovery paths is needed, after any number
 * of outages.
 *
 * Facts broadcast while a node's LISTEN connection is down are not replayed: clients catch up
 * through the seq heartbeat (server/socket/seq-heartbeat.ts) and a fresh snapshot, which is the
 * one recovery path every screen already has. `onListening` is called each time LISTEN is
 * restored, so the heartbeat goes out at once instead of at its next tick.
 *
 * Committed facts do not go through the adapter: they take the fact bus (fact-bus.ts), one ordered
 * NOTIFY per batch on a channel of their own that the same listener hears. The adapter still
 * carries everything else (presence, fetchSockets, disconnects on revocation, the adapter's own
 * heartbeat).
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { CONNECT_TIMEOUT_MS, openPostgresPool } from '../../db/postgres-pool';
import { createFactBus, FACT_CHANNEL, type RemoteFacts } from './fact-bus';
import { emitLocal } from './local-facts';
import type { IoServer } from './socket-server';

const RECONNECT_MS = 250;
/** The adapter's queries, at most this many at once (`queued`). */
const ADAPTER_QUERIES = 3;
/** Its queries and the fact bus's one NOTIFY in flight. */
const POOL_MAX = ADAPTER_QUERIES + 1;

export type FanoutState = 'local' | 'listening' | 'reconnecting';

export interface Fanout {
  state(): FanoutState;
  /** Where the publisher sends committed facts for the other nodes (none for a single process). */
  facts: RemoteFacts | null;
  end(): Promise<void>;
}

export interface FanoutOptions {
  log: (msg: string, err: unknown) => void;
  onListening?: () => void;
}

/** A single process needs no fan-out: socket.io's in-memory adapter is the whole story. */
export const localFanout: Fanout = { state: () => 'local', facts: null, end: async () => {} };

export async function attachPostgresFanout(io: IoServer, url: string, opts: FanoutOptions): Promise<Fanout> {
  const pool = openPostgresPool(url, { max: POOL_MAX, onLost: (err) => opts.log('fan-out pool connection lost', err) });
  await pool.query('CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)');
  const node = randomBytes(8).toString('hex');
  const bus = createFactBus(
    node,
    { emitLocal: (rooms, event, payload) => emitLocal(io, rooms, event, payload) },
    {
      notify: (payload) => pool.query('SELECT pg_notify($1, $2)', [FACT_CHANNEL, payload]),
      attach: async (payload) => {
        const r = await pool.query<{ id: string }>('INSERT INTO socket_io_attachments (payload) VALUES ($1) RETURNING id', [Buffer.from(payload)]);
        return String(r.rows[0]!.id);
      },
      attachment: async (id) => {
        const r = await pool.query<{ payload: Buffer }>('SELECT payload FROM socket_io_attachments WHERE id = $1', [id]);
        return r.rows[0] ? r.rows[0].payload.toString() : null;
      },
    },
    opts.log,
  );
  const listener = new SelfHealingListener(url, opts, (payload) => bus.receive(payload));
  await listener.open();
  const facade = { query: queued(pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>, ADAPTER_QUERIES), connect: async () => listener };
  io.adapter(createAdapter(facade as unknown as pg.Pool, { errorHandler: (err) => listener.closed || opts.log('socket adapter', err) }));
  return {
    state: () => (listener.listening() ? 'listening' : 'reconnecting'),
    facts: bus,
    async end() {
      listener.release();
      await pool.end();
    },
  };
}

/**
 * At most `max` queries at a time, the rest wait in order. A pg pool times out a query that waits
 * for a busy connection after the same connectionTimeoutMillis as a connect (CONNECT_TIMEOUT_MS),
 * and the adapter drops a broadcast whose NOTIFY failed: a burst of facts on a loaded node (a
 * city's counters taking their counters at opening: every take a presence broadcast) lost
 * broadcasts to the other nodes. Waiting here instead, the pool only ever sees what it can run at
 * once, so its timeout is left to mean what it says: the database does not answer — and then
 * everything waiting fails at once.
 */
export function queued<A extends unknown[], R>(run: (...args: A) => Promise<R>, max: number): (...args: A) => Promise<R> {
  let active = 0;
  let waiting: { go(): void; fail(err: unknown): void }[] = [];
  // A finished query hands its slot to the first waiter (active stays), or frees it.
  const release = () => {
    const first = waiting.shift();
    if (first) first.go();
    else active--;
  };
  return async (...args) => {
    if (active < max) active++;
    else await new Promise<void>((go, fail) => waiting.push({ go, fail }));
    try {
      return await run(...args);
    } catch (err) {
      // A failed query means the database is not answering: what waits would fail too, so it
      // fails now, as it did in the pool's queue (no backlog of stale broadcasts after an outage).
      const failed = waiting;
      waiting = [];
      for (const w of failed) w.fail(err);
      throw err;
    } finally {
      release();
    }
  };
}

/**
 * What the adapter uses of a pg client — on('notification'), on('end'), query('LISTEN …'),
 * release() — over a connection that replaces itself when lost.
 */
class SelfHealingListener extends EventEmitter {
  closed = false;
  private client: pg.Client | null = null;
  private readonly statements: string[] = [`LISTEN ${FACT_CHANNEL}`];
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly opts: FanoutOptions,
    private readonly onFacts: (payload: string) => void,
  ) {
    super();
  }

  listening(): boolean {
    return this.client !== null;
  }

  /** Connects and (re)issues every LISTEN; on failure, tries again every RECONNECT_MS. */
  async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (!this.closed) {
        if (err) this.opts.log('fan-out LISTEN connection lost; reconnecting', err);
        this.schedule();
      }
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (msg) => (msg.channel === FACT_CHANNEL ? this.onFacts(msg.payload ?? '') : this.emit('notification', msg)));
    try {
      await client.connect();
      for (const statement of this.statements) await client.query(statement);
    } catch {
      onLost();
      return;
    }
    if (lost || this.closed) return void client.end().catch(() => {});
    this.client = client;
    this.opts.onListening?.();
  }

  private schedule(): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.open();
    }, RECONNECT_MS);
    this.retry.unref?.();
  }

  async query(statement: string): Promise<unknown> {
    if (/^LISTEN /i.test(statement) && !this.statements.includes(statement)) this.statements.push(statement);
    return this.client?.query(statement);
  }

  release(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    void this.client?.end().catch(() => {});
    this.client = null;
  }
}
