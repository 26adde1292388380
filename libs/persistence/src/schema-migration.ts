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

  /** `"schema"."table"`. */
  protected t(table: string): string {
    return `"${this.schema}"."${table}"`;
  }
}
