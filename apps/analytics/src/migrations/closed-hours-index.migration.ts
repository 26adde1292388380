import { SchemaMigration } from '@gridline/persistence';

const DEPTHS = [1, 2, 3];

/**
 * The exact p90 of a unit's handling hours (`FiguresRepository.caseFigures`, up to `EXACT_P90_MAX` closed cases)
 * reads the closed cases beneath the unit from their index alone: PostgreSQL checks an index-only scan's condition on
 * `unit_path[d]` from the column itself, so the index carries `unit_path` too — without it, each case is a read of
 * the table (a street's month, thousands of cases, was most of the figures' time).
 */
export class ClosedHoursIndexMigration extends SchemaMigration {
  static readonly migrationName = '20261203100000_closed_hours_index';

  up(): void {
    for (const d of DEPTHS) {
      this.addSql(`drop index if exists "${this.schema}"."case_projection_u${d}_closed_idx"`);
      this.addSql(`create index case_projection_u${d}_closed_idx on ${this.t('case_projection')} ((unit_path[${d}]), closed_at) include (returns, reworks, extensions, handling_hours, unit_path) where closed_at is not null`);
    }
  }

  override down(): void {
    for (const d of DEPTHS) {
      this.addSql(`drop index if exists "${this.schema}"."case_projection_u${d}_closed_idx"`);
      this.addSql(`create index case_projection_u${d}_closed_idx on ${this.t('case_projection')} ((unit_path[${d}]), closed_at) include (returns, reworks, extensions, handling_hours) where closed_at is not null`);
    }
  }
}
