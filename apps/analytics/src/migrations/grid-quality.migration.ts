import { SchemaMigration } from '@gridline/persistence';

export class GridQualityMigration extends SchemaMigration {
  static readonly migrationName = '20261127000500_grid_quality';

  up(): void {
    this.addSql(`create table ${this.t('grid_quality')} (
      grid_code text primary key,
      buildings int not null,
      households int not null,
      residents int not null,
      completeness double precision not null,
      visited_share double precision not null,
      last_updated_at timestamptz null,
      reported_at timestamptz not null
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('grid_quality')}`);
  }
}
