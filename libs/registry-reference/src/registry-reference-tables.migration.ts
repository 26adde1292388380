import { SchemaMigration } from '@gridline/persistence';

/**
 * The tables of the copy of the registry's reference data (units, categories, departments, loaded calendar years),
 * in the schema of each service that keeps one. A service adds `REGISTRY_REFERENCE_MIGRATIONS` to its own, then a
 * migration of its own that moves what an older copy of its held.
 */
export class RegistryReferenceTablesMigration extends SchemaMigration {
  static readonly migrationName = '20261207000000_registry_reference_tables';

  up(): void {
    this.addSql(`create table ${this.t('registry_unit')} (
      code text primary key,
      name text null,
      level text not null,
      parent_code text null,
      path text[] not null,
      active boolean not null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('registry_category')} (
      code text primary key,
      parent_code text null,
      name text not null,
      owner jsonb null,
      accept_limit jsonb null,
      handle_limit jsonb null,
      urgency text not null,
      active boolean not null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('registry_department')} (
      code text primary key,
      name text not null,
      active boolean not null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('registry_calendar_year')} (year int primary key, holidays text[] not null, workdays text[] not null)`);
  }

  override down(): void {
    for (const table of ['registry_calendar_year', 'registry_department', 'registry_category', 'registry_unit']) this.addSql(`drop table if exists ${this.t(table)}`);
  }
}

/** The copy's tables (what a projection rebuild swaps in afresh). */
export const REGISTRY_REFERENCE_TABLES = ['registry_unit', 'registry_category', 'registry_department', 'registry_calendar_year'] as const;

export const REGISTRY_REFERENCE_MIGRATIONS = [RegistryReferenceTablesMigration].map((m) => ({ name: m.migrationName, class: m }));
