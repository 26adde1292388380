import { SchemaMigration } from '@gridline/persistence';

/**
 * `projection_bootstrap`: a projection being filled from its source's snapshot (the history its stream no longer
 * holds), with the snapshot's cursor so a restart goes on where it stopped; `finished_at` once the last page is in.
 */
export class ProjectionBootstrapMigration extends SchemaMigration {
  static readonly migrationName = '20261201170000_projection_bootstrap';

  up(): void {
    this.addSql(`create table ${this.t('projection_bootstrap')} (
      consumer text primary key,
      cursor text null,
      loaded int not null default 0,
      started_at timestamptz not null default now(),
      finished_at timestamptz null
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('projection_bootstrap')}`);
  }
}
