import { SchemaMigration } from '@gridline/persistence';
import { APPEAL_HOTSPOT_ROLLUPS, CASE_HOTSPOT_ROLLUPS } from '../projection/hotspot-rollups';
import { rollupBackfill, rollupDdl, rollupDrop } from '../projection/rollups';

const ROLLUPS = [...CASE_HOTSPOT_ROLLUPS, ...APPEAL_HOTSPOT_ROLLUPS];

/**
 * The hot spots' and trends' roll-ups of the case and appeal projections (`projection/hotspot-rollups.ts`): their
 * tables, the statement triggers that keep them on `case_projection` and `appeal_projection`, and what those tables
 * already hold rolled up.
 */
export class HotspotRollupsMigration extends SchemaMigration {
  static readonly migrationName = '20261202120000_hotspot_rollups';

  up(): void {
    for (const rollup of ROLLUPS) {
      for (const sql of rollupDdl(this.schema, rollup)) this.addSql(sql);
      this.addSql(rollupBackfill(this.schema, rollup));
    }
  }

  override down(): void {
    for (const rollup of ROLLUPS) for (const sql of rollupDrop(this.schema, rollup)) this.addSql(sql);
  }
}
