import { SchemaMigration } from '@gridline/persistence';

const DEPTHS = [1, 2, 3];

/**
 * A case's location on the map (incidents' events carry it from 2026-12-01: `location`, WGS 84) and its H3 cells at
 * resolutions 7, 8 and 9, computed once when the case is folded (`hexCells`), so that the hex hot spots group by a
 * column: per depth, the reporting index covering the category and the three cells, for an index-only range.
 * Cases folded before have no location until their next event (or a rebuild): they count as unlocated.
 */
export class CaseLocationMigration extends SchemaMigration {
  static readonly migrationName = '20261201163000_case_location';

  up(): void {
    this.addSql(`alter table ${this.t('case_projection')}
      add column lat double precision null,
      add column lng double precision null,
      add column h3r7 text null,
      add column h3r8 text null,
      add column h3r9 text null`);
    for (const d of DEPTHS) {
      this.addSql(`create index case_projection_u${d}_hex_idx on ${this.t('case_projection')} ((unit_path[${d}]), reported_at) include (category_code, h3r7, h3r8, h3r9)`);
    }
  }

  override down(): void {
    for (const d of DEPTHS) this.addSql(`drop index if exists "${this.schema}"."case_projection_u${d}_hex_idx"`);
    this.addSql(`alter table ${this.t('case_projection')} drop column if exists lat, drop column if exists lng, drop column if exists h3r7, drop column if exists h3r8, drop column if exists h3r9`);
  }
}
