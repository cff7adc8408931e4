/**
 * Committed facts to the other server processes: one NOTIFY per batch of facts, in commit order
 * (docs/performance.md, "What changed for speed").
 *
 * Through the socket.io adapter every room emit of a fact was a NOTIFY of its own — the staff view,
 * the public view, the pad's and the phones' nudges: three to five per fact, each serialised and
 * walked for binary data by the adapter, each a pool query, sent on up to three connections at
 * once so that two facts of one hall could reach the other nodes in the wrong order (a screen then
 * re-snapshots). Here a node emits to its own sockets at once (`io.local`) and hands every
 * delivery of the publish — [rooms, event, payload] — to one ordered sender: while a NOTIFY is in
 * flight, what is published meanwhile waits and goes out together in the next, so under load a
 * NOTIFY carries many facts. Each receiving node parses a batch once and emits locally.
 *
 * A batch over PostgreSQL's 8,000-byte NOTIFY limit is split; a single delivery over it goes as an
 * attachment (a row of the adapter's socket_io_attachments table, which the adapter prunes after
 * 30 s), as the adapter itself does. A failed NOTIFY (the database is gone) drops what waits: the
 * seq heartbeat and a snapshot bring the other nodes' screens back (postgres-fanout.ts).
 */

/** One room emit: the rooms, the event name and its payload. */
export type Delivery = [rooms: string[], event: string, payload: unknown];

export interface RemoteFacts {
  send(deliveries: Delivery[]): void;
}

export const FACT_CHANNEL = 'yc_facts';
/** Bytes of one NOTIFY payload, under PostgreSQL's limit of 8,000. */
export const NOTIFY_LIMIT = 7900;

export interface FactBusIo {
  emitLocal(rooms: string[], event: string, payload: unknown): void;
}

export interface FactBusDb {
  notify(payload: string): Promise<unknown>;
  /** Stores a payload too large for a NOTIFY; returns its id. */
  attach(payload: string): Promise<string>;
  attachment(id: string): Promise<string | null>;
}

/**
 * Cuts deliveries (each already JSON) into NOTIFY payloads of at most `limit` bytes:
 * `<node> [d1,d2,…]`. A delivery that does not fit alone comes back in `oversize`, in its place
 * in the order (as `null` in `payloads`).
 */
export function packDeliveries(node: string, encoded: string[], limit: number): { payloads: (string | null)[]; oversize: string[] } {
  const payloads: (string | null)[] = [];
  const oversize: string[] = [];
  const head = `${node} [`;
  const base = Buffer.byteLength(head) + 1; // the closing bracket
  let parts: string[] = [];
  let bytes = base;
  const flush = () => {
    if (parts.length > 0) payloads.push(`${head}${parts.join(',')}]`);
    parts = [];
    bytes = base;
  };
  for (const e of encoded) {
    const size = Buffer.byteLength(e);
    if (base + size > limit) {
      flush();
      payloads.push(null);
      oversize.push(e);
      continue;
    }
    if (bytes + size + (parts.length > 0 ? 1 : 0) > limit) flush();
    bytes += size + (parts.length > 0 ? 1 : 0);
    parts.push(e);
  }
  flush();
  return { payloads, oversize };
}

export function createFactBus(node: string, io: FactBusIo, db: FactBusDb, log: (msg: string, err: unknown) => void, limit = NOTIFY_LIMIT) {
  let pending: string[] = [];
  let sending = false;
  let failing = false;

  async function sendAll(encoded: string[]): Promise<void> {
    const { payloads, oversize } = packDeliveries(node, encoded, limit);
    let k = 0;
    for (const p of payloads) {
      if (p !== null) await db.notify(p);
      else await db.notify(`${node} {"a":${JSON.stringify(await db.attach(`[${oversize[k++]!}]`))}}`);
    }
  }

  function pump(): void {
    if (sending || pending.length === 0) return;
    sending = true;
    const taken = pending;
    pending = [];
    sendAll(taken).then(
      () => {
        if (failing) log('fact fan-out: NOTIFY works again', null);
        failing = false;
      },
      (err) => {
        // The database is not answering: what waits would fail too, and would be stale when it is back.
        pending = [];
        if (!failing) log('fact fan-out: NOTIFY failed (the other nodes catch up through the seq heartbeat)', err);
        failing = true;
      },
    ).finally(() => {
      sending = false;
      pump();
    });
  }

  const emitAll = (json: string) => {
    for (const [rooms, event, payload] of JSON.parse(json) as Delivery[]) io.emitLocal(rooms, event, payload);
  };
  // Attachments are read before the batches after them are emitted: the order stays the sender's.
  let behind: Promise<void> | null = null;

  return {
    send(deliveries: Delivery[]): void {
      for (const d of deliveries) pending.push(JSON.stringify(d));
      pump();
    },
    /** A NOTIFY on FACT_CHANNEL, from any node (this node's own are ignored). */
    receive(payload: string): void {
      const space = payload.indexOf(' ');
      if (space < 0 || payload.slice(0, space) === node) return;
      const body = payload.slice(space + 1);
      let attachment: unknown;
      if (body.startsWith('{')) {
        try {
          attachment = (JSON.parse(body) as { a?: unknown }).a;
        } catch (err) {
          return log('fact fan-out: a batch could not be read', err);
        }
      }
      if (attachment === undefined && behind === null) return void safely(() => emitAll(body));
      const step = async () => {
        if (attachment === undefined) return emitAll(body);
        const stored = await db.attachment(String(attachment));
        if (stored !== null) emitAll(stored);
      };
      const run: Promise<void> = (behind ?? Promise.resolve())
        .then(step)
        .catch((err) => log('fact fan-out: a batch could not be read', err))
        .finally(() => {
          if (behind === run) behind = null;
        });
      behind = run;
    },
    /** Whether nothing waits to be sent (tests). */
    idle: () => !sending && pending.length === 0,
  };

  function safely(run: () => void): void {
    try {
      run();
    } catch (err) {
      log('fact fan-out: a batch could not be read', err);
    }
  }
}
