import type { MikroORM } from '@mikro-orm/postgresql';

/** Creates the service's schema if needed, then applies pending migrations. Returns their names. */
export async function migrateSchema(orm: MikroORM): Promise<string[]> {
  const schema = orm.config.get('schema');
  if (schema) await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
