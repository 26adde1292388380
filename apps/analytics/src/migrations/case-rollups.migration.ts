import { SchemaMigration } from '@gridline/persistence';
import { CASE_ROLLUPS, rollupBackfill, rollupDdl, rollupSources } from '../projection/rollups';

/**
 * The case projection's daily roll-ups (`projection/rollups.ts`): their tables, the statement triggers that keep them
 * on `case_fact`, `case_step` and `case_projection`, and what those tables already hold rolled up.
 */
export class CaseRollupsMigration extends SchemaMigration {
  static readonly migrationName = '20261202090000_case_rollups';

  up(): void {
    for (const source of rollupSources(CASE_ROLLUPS)) {
      for (const sql of rollupDdl(this.schema, source, CASE_ROLLUPS)) this.addSql(sql);
      for (const sql of rollupBackfill(this.schema, source, CASE_ROLLUPS)) this.addSql(sql);
    }
  }

  override down(): void {
    for (const source of rollupSources(CASE_ROLLUPS)) {
      for (const op of ['insert', 'delete', 'update']) this.addSql(`drop function if exists ${this.t(`rollup_${source}_${op}`)}() cascade`);
    }
    for (const r of CASE_ROLLUPS) this.addSql(`drop table if exists ${this.t(r.table)}`);
  }
}
