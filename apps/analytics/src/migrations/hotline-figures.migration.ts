import { SchemaMigration } from '@gridline/persistence';

/** Each hotline lead owner's latest figures, from `events.hotline.figures.updated`. */
export class HotlineFiguresMigration extends SchemaMigration {
  static readonly migrationName = '20261128002000_hotline_figures';

  up(): void {
    this.addSql(`create table ${this.t('hotline_owner_figures')} (
      owner text primary key,
      period_from timestamptz not null,
      period_to timestamptz not null,
      figures jsonb not null,
      published_at timestamptz not null
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('hotline_owner_figures')}`);
  }
}
