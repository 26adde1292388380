import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Creates the service's schema if needed, then applies pending migrations. Returns their names.
 * Replicas starting together take turns: an advisory lock per schema serialises them.
 */
export async function migrateSchema(orm: MikroORM): Promise<string[]> {
  const schema = orm.config.get('schema') ?? 'public';
  const lock = new Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [`gridline-migrate:${schema}`]);
    await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await lock.end();
  }
}
