import { SchemaMigration } from '@gridline/persistence';

const DEPTHS = [1, 2, 3];

/**
 * Hot spots and trends read the cases reported beneath a unit in a period grouped by category and the unit beneath
 * (a path element, or the grid): the reporting index of each depth covering those columns, for an index-only range.
 */
export class CaseHotspotIndexesMigration extends SchemaMigration {
  static readonly migrationName = '20261201155000_case_hotspot_indexes';

  up(): void {
    for (const d of DEPTHS) {
      this.addSql(`create index case_projection_u${d}_hotspot_idx on ${this.t('case_projection')} ((unit_path[${d}]), reported_at) include (category_code, grid_code, unit_path)`);
    }
  }

  override down(): void {
    for (const d of DEPTHS) this.addSql(`drop index if exists "${this.schema}"."case_projection_u${d}_hotspot_idx"`);
  }
}
