import { SchemaMigration } from '@gridline/persistence';
import { rollupBackfill, rollupDdl, rollupDrop, type Rollup } from '../projection/rollups';

/** A migration class as `ANALYTICS_MIGRATIONS` lists them: constructible, with its name. */
export type RollupMigrationClass = (new (...args: ConstructorParameters<typeof SchemaMigration>) => SchemaMigration) & { readonly migrationName: string };

/**
 * The one shape of a roll-up migration (`projection/rollups.ts`): drop the tables it `replaces` (and their trigger
 * functions; absent ones are skipped), then create each roll-up — table, indexes, statement triggers — and fill it
 * from what its source already holds. Down drops what it created (the replaced shapes are not brought back: a
 * rebuild of the projection does that).
 */
export function rollupMigration(name: string, rollups: readonly Rollup[], replaces: readonly string[] = []): RollupMigrationClass {
  return class extends SchemaMigration {
    static readonly migrationName = name;

    up(): void {
      // A fresh database's earlier roll-up migrations already made the current shapes: they are dropped too, and made again.
      for (const table of new Set([...replaces, ...(replaces.length > 0 ? rollups.map((r) => r.table) : [])])) for (const sql of rollupDrop(this.schema, table)) this.addSql(sql);
      for (const rollup of rollups) {
        for (const sql of rollupDdl(this.schema, rollup)) this.addSql(sql);
        this.addSql(rollupBackfill(this.schema, rollup));
      }
    }

    override down(): void {
      for (const rollup of rollups) for (const sql of rollupDrop(this.schema, rollup.table)) this.addSql(sql);
    }
  };
}
