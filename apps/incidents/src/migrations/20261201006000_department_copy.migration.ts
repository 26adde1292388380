import { SchemaMigration } from '@gridline/persistence';

/** The responsibility list's departments, kept from the registry's events, so that dispatch can refuse unknown ones. */
export class DepartmentCopyMigration extends SchemaMigration {
  static readonly migrationName = '20261201006000_department_copy';

  up(): void {
    this.addSql(`create table ${this.t('department_copy')} (
      code text primary key, name text not null, active boolean not null, updated_at timestamptz not null
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('department_copy')}`);
  }
}
