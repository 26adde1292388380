import { SchemaMigration } from '@gridline/persistence';

/**
 * The hotline's copy of the registry's units, departments, categories and loaded calendar years (from
 * `events.registry.>`): dispatches, deadlines and names are read here, never asked of the registry inside a step.
 */
export class HotlineRegistryCopyMigration extends SchemaMigration {
  static readonly migrationName = '20261206001000_registry_copy';

  up(): void {
    this.addSql(`create table ${this.t('registry_copy')} (
      kind text not null,
      code text not null,
      name text not null,
      active boolean not null,
      facts jsonb not null default '{}',
      updated_at timestamptz not null,
      primary key (kind, code)
    )`);
    this.addSql(`create table ${this.t('calendar_year_copy')} (year int primary key, holidays text[] not null, workdays text[] not null)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('calendar_year_copy')}`);
    this.addSql(`drop table if exists ${this.t('registry_copy')}`);
  }
}
