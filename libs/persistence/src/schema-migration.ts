import { Migration } from '@mikro-orm/migrations';

/**
 * A migration that writes schema-qualified SQL: the service's schema comes from its ORM config, so
 * the same migration serves production (`registry`) and an isolated test schema.
 */
export abstract class SchemaMigration extends Migration {
  protected get schema(): string {
    const schema = this.config.get('schema');
    if (!schema) throw new Error('SchemaMigration needs the ORM config to name a schema');
    return schema;
  }

  /**
   * `create extension if not exists <name>`, safe when services migrate side by side in one database: an extension
   * is the database's, not the schema's, and two sessions that both find it missing race (the second fails on
   * `pg_extension_name_index`). A transaction-level advisory lock on the extension's name makes them take turns
   * (a migration runs in a transaction, so the lock holds until it commits); the second then finds it there.
   */
  protected addExtension(name: string): void {
    this.addSql(extensionLockSql(name));
    this.addSql(`create extension if not exists ${name}`);
  }

  /** `"schema"."table"`. */
  protected t(table: string): string {
    return `"${this.schema}"."${table}"`;
  }
}

/** The advisory lock `addExtension` takes before it creates an extension (database-wide, until the transaction ends). */
export function extensionLockSql(name: string): string {
  return `select pg_advisory_xact_lock(hashtext('gridline-extension:${name}'))`;
}
