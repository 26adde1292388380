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

/**
 * The grid staff's assignments with their person's name and login, in the services that keep them
 * (`RegistryReferenceFillSettings.staff`): such a service adds `REGISTRY_REFERENCE_STAFF_MIGRATIONS` after its own.
 */
export class RegistryReferenceGridStaffMigration extends SchemaMigration {
  static readonly migrationName = '20261213000100_registry_reference_grid_staff';

  up(): void {
    this.addSql(`create table ${this.t('registry_grid_staff')} (
      assignment_id uuid primary key,
      person_id uuid not null,
      name text null,
      account text null,
      unit_code text not null,
      starts_on date not null,
      ends_on date null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create index registry_grid_staff_unit_idx on ${this.t('registry_grid_staff')} (unit_code)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('registry_grid_staff')}`);
  }
}

/**
 * The copy's tables (what a projection rebuild swaps in afresh). Not `registry_grid_staff`: the staff's names and
 * logins come from the registry's staff snapshot, which no replay of the stream gives, so a rebuild keeps that table.
 */
export const REGISTRY_REFERENCE_TABLES = ['registry_unit', 'registry_category', 'registry_department', 'registry_calendar_year'] as const;

export const REGISTRY_REFERENCE_MIGRATIONS = [RegistryReferenceTablesMigration].map((m) => ({ name: m.migrationName, class: m }));
export const REGISTRY_REFERENCE_STAFF_MIGRATIONS = [RegistryReferenceGridStaffMigration].map((m) => ({ name: m.migrationName, class: m }));
