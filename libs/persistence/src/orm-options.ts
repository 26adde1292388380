import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';

type MigrationClass = new (...args: never[]) => Migration;

export interface OrmSettings {
  /** postgres:// URL of the database. */
  clientUrl: string;
  /** The schema this service owns; every table, and the migrations table, lives there. */
  schema: string;
  entities: Function[];
  /** Migrations in the order they apply; names must never change once released. */
  migrations: { name: string; class: MigrationClass }[];
  poolSize?: number;
}

/** One way to configure MikroORM for a service: its own schema, explicit entities and migrations. */
export function createOrmOptions(settings: OrmSettings): Options {
  return defineConfig({
    clientUrl: settings.clientUrl,
    schema: settings.schema,
    entities: settings.entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: settings.migrations.map((m) => ({ name: m.name, class: m.class as never })),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: settings.poolSize ?? 10 },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // Our own structured logger reports what matters; the ORM's query log would print personal data.
    debug: false,
  });
}
