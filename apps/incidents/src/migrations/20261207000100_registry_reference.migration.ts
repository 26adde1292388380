import { SchemaMigration } from '@gridline/persistence';

/**
 * Incidents' copy of the registry now lives in the shared `@gridline/registry-reference` tables (created just before
 * by `REGISTRY_REFERENCE_MIGRATIONS`): the rows of the old copy tables move there, and the old tables go.
 */
export class IncidentsRegistryReferenceMigration extends SchemaMigration {
  static readonly migrationName = '20261207000100_registry_reference_move';

  up(): void {
    this.addSql(`insert into ${this.t('registry_unit')} (code, name, level, parent_code, path, active, updated_at)
      select code, name, level, parent_code, path, active, updated_at from ${this.t('unit_copy')}`);
    this.addSql(`insert into ${this.t('registry_category')} (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at)
      select code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at from ${this.t('category_copy')}`);
    this.addSql(`insert into ${this.t('registry_department')} (code, name, active, updated_at)
      select code, name, active, updated_at from ${this.t('department_copy')}`);
    this.addSql(`insert into ${this.t('registry_calendar_year')} (year, holidays, workdays)
      select year, holidays, workdays from ${this.t('calendar_copy')}`);
    for (const table of ['unit_copy', 'category_copy', 'department_copy', 'calendar_copy']) this.addSql(`drop table ${this.t(table)}`);
  }
}
