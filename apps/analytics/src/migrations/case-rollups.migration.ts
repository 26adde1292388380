import { SchemaMigration } from '@gridline/persistence';
import { CASE_ROLLUPS, rollupBackfill, rollupDdl, rollupDrop } from '../projection/rollups';

/**
 * The case projection's daily roll-ups (`projection/rollups.ts`): their tables, the statement triggers that keep them
 * on `case_fact`, `case_step` and `case_projection`, and what those tables already hold rolled up.
 */
export class CaseRollupsMigration extends SchemaMigration {
  static readonly migrationName = '20261202090000_case_rollups';

  up(): void {
    for (const rollup of CASE_ROLLUPS) {
      for (const sql of rollupDdl(this.schema, rollup)) this.addSql(sql);
      this.addSql(rollupBackfill(this.schema, rollup));
    }
  }

  override down(): void {
    for (const rollup of CASE_ROLLUPS) for (const sql of rollupDrop(this.schema, rollup)) this.addSql(sql);
  }
}
