/**
 * Hot-path statements built once (docs/performance.md §Own time per command (third pass)).
 *
 * A drizzle query builder costs the process about 0.1–0.2 ms a statement to assemble (builder
 * objects, `is()` checks, SQL text, the field map) — on every call, for a statement whose text never
 * changes. `statement()` runs the builder once, with `sql.placeholder(…)` for every value, and
 * keeps drizzle's prepared query; each call then executes that prepared query on the caller's own
 * transaction (or pool) with the call's values, so the transaction semantics are exactly those of
 * the builder on that transaction. The result is mapped by drizzle as before.
 * On PostgreSQL the statement is also prepared per connection (postgres.js `prepare: true`: parsed
 * and described once instead of per call).
 */
import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';

type Reader = Db | Tx;

interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

type Session = {
  client: unknown;
  dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } };
  prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(values?: Record<string, unknown>): Promise<unknown> };
};

const sessionOf = (db: Reader) => (db as unknown as { session: Session }).session;

/** The prepared query of `template` bound to `db`'s connection (the template's own connection is never used again). */
function bind<Q extends object>(template: Q, db: Reader): Q {
  const bound = Object.create(template) as Q & { client: unknown };
  bound.client = sessionOf(db).client;
  return bound;
}

/** A builder statement (select, insert, update) with named placeholders, built on first use. */
export function statement<R>(name: string, build: (db: Reader) => Preparable<R>): (db: Reader, values: Record<string, unknown>) => Promise<R> {
  let template: ReturnType<Preparable<R>['prepare']> | null = null;
  return (db, values) => {
    template ??= build(db).prepare(name);
    return bind(template, db).execute(values);
  };
}

/**
 * A raw SQL statement (sql`…` with placeholders, or a function of the database that builds one, for
 * SQL that embeds a query builder), built once; its rows as the driver returns them.
 */
export function rawStatement<Row>(name: string, query: SQL | ((db: Reader) => SQL)): (db: Reader, values: Record<string, unknown>) => Promise<Row[]> {
  let built: { sql: string; params: unknown[] } | null = null;
  return async (db, values) => {
    const session = sessionOf(db);
    built ??= session.dialect.sqlToQuery(typeof query === 'function' ? query(db) : query);
    const result = await session.prepareQuery(built, undefined, name, false).execute(values);
    return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  };
}
