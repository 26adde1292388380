import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { executePrepared } from '../prepared-statements';

/** One row to insert: its entity and its data (an entity instance not yet stored will do). */
export interface InsertRow {
  entity: EntityName<object>;
  data: object;
}

/**
 * Inserts rows of several tables in **one statement** (data-modifying common table expressions): atomic on its own,
 * with no BEGIN and COMMIT around it, no unit of work and no change set, and one round trip to PostgreSQL, as a
 * prepared statement of the connection (its text depends only on the entities and their columns). Inside a
 * `TransactionRunner.run` it joins that transaction. For a create that writes new rows and changes nothing else: a new
 * object and its outbox event (`Outbox.row`). A constraint it breaks fails the whole statement, as the driver's
 * exception (`UniqueConstraintViolationException` for a taken key), and nothing is stored.
 *
 * The rows are written as given: no `onCreate` hooks and no identity map (the instance is not managed afterwards); a
 * field left undefined takes its column's default (a `version` column its first version).
 */
export async function insertTogether(em: EntityManager, rows: readonly InsertRow[]): Promise<void> {
  if (rows.length === 0) return;
  const statements = rows.map(({ entity, data }) => em.createQueryBuilder(entity).insert(ownValues(data) as never).getKnexQuery().toSQL());
  const last = statements.length - 1;
  const sql =
    last === 0
      ? statements[0].sql
      : `with ${statements
          .slice(0, last)
          .map((s, i) => `w${i} as (${s.sql})`)
          .join(', ')} ${statements[last].sql}`;
  try {
    await executePrepared(em, sql, statements.flatMap((s) => s.bindings));
  } catch (error) {
    throw error instanceof Error && 'code' in error ? em.getDriver().convertException(error) : error;
  }
}

/**
 * The fields an object holds, without those left undefined. The query builder takes an entity instance's values as
 * already converted for the database (and would encode a JSON field twice), so it gets them as plain data.
 */
function ownValues(data: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}
