import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';

/** What `executePrepared` needs of MikroORM's EntityManager: its knex, and the transaction it is in (if any). */
export interface PreparedStatementRunner {
  getKnex(): Knex;
  getTransactionContext<T>(): T | undefined;
}

// Names already hashed, by text: a request path runs the same few texts over and over (hashing one was a tenth of a
// millisecond of the figures' answer). Bounded: past it, the oldest half is forgotten (hashed again when next run).
const NAMES_KEPT = 2000;
const names = new Map<string, string>();

/** A statement's name on its connection: a hash of its text, so that one text is one name and two texts never share one. */
export function preparedStatementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `gl_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size >= NAMES_KEPT) for (const text of [...names.keys()].slice(0, NAMES_KEPT / 2)) names.delete(text);
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs a statement (`?` placeholders, as `EntityManager.execute`) as a **named prepared statement** of its connection,
 * in the entity manager's transaction if it is in one, and answers its rows. MikroORM's `execute` writes the
 * parameters into the SQL text, so that each run is a new text PostgreSQL parses and plans afresh; a prepared
 * statement is parsed once per connection, and after five runs planned once (a generic plan) when that plan costs no
 * more than planning each run would — for a read summing a few indexed ranges (the figures' statement of nine
 * subqueries), planning was as long as running it. PostgreSQL plans it again after DDL on what it reads (a rebuild's
 * swap) or new statistics. For the statements a request path runs often; the text must be fixed, the values
 * parameters (never written into the text: each text is a statement kept on each connection).
 */
export async function executePrepared<T = Record<string, unknown>>(em: PreparedStatementRunner, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const query = em.getKnex().raw(sql, params as Knex.RawBinding[]).options({ name: preparedStatementName(sql) });
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) query.transacting(transaction);
  const result: { rows: T[] } = await query;
  return result.rows;
}
