import { SchemaMigration } from '@gridline/persistence';
import { APPEAL_ROLLUPS } from '../projection/appeal-rollups';
import { rollupBackfill, rollupDdl, rollupDrop } from '../projection/rollups';

/**
 * The appeal projection's daily roll-ups (`projection/appeal-rollups.ts`): their tables, the statement triggers that
 * keep them on `appeal_projection`, and what it already holds rolled up.
 */
export class AppealRollupsMigration extends SchemaMigration {
  static readonly migrationName = '20261202100000_appeal_rollups';

  up(): void {
    for (const rollup of APPEAL_ROLLUPS) {
      for (const sql of rollupDdl(this.schema, rollup)) this.addSql(sql);
      this.addSql(rollupBackfill(this.schema, rollup));
    }
  }

  override down(): void {
    for (const rollup of APPEAL_ROLLUPS) for (const sql of rollupDrop(this.schema, rollup)) this.addSql(sql);
  }
}
