import { SchemaMigration } from '@gridline/persistence';

export class UnitProjectionMigration extends SchemaMigration {
  static readonly migrationName = '20261127000200_unit_projection';

  up(): void {
    this.addSql(`create table ${this.t('unit_projection')} (
      code text primary key,
      level text not null,
      path text[] not null,
      active boolean not null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create index unit_projection_path_idx on ${this.t('unit_projection')} using gin (path)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('unit_projection')}`);
  }
}

