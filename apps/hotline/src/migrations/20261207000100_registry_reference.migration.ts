import { SchemaMigration } from '@gridline/persistence';

/**
 * The hotline's copy of the registry now lives in the shared `@gridline/registry-reference` tables (created just
 * before by `REGISTRY_REFERENCE_MIGRATIONS`): the rows of `registry_copy` and `calendar_year_copy` move there, and
 * the old tables go. The old copy kept no answer limit nor urgency of a category: those stay null and `normal`
 * until the category's next event.
 */
export class HotlineRegistryReferenceMigration extends SchemaMigration {
  static readonly migrationName = '20261207000100_registry_reference_move';

  up(): void {
    const old = this.t('registry_copy');
    this.addSql(`insert into ${this.t('registry_unit')} (code, name, level, parent_code, path, active, updated_at)
      select code, name, facts->>'level', facts->>'parentCode', array(select jsonb_array_elements_text(coalesce(facts->'path', '[]'::jsonb))), active, updated_at
      from ${old} where kind = 'unit'`);
    this.addSql(`insert into ${this.t('registry_category')} (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at)
      select code, facts->>'parentCode', name, nullif(facts->'owner', 'null'::jsonb), null, nullif(facts->'handleLimit', 'null'::jsonb), 'normal', active, updated_at
      from ${old} where kind = 'category'`);
    this.addSql(`insert into ${this.t('registry_department')} (code, name, active, updated_at) select code, name, active, updated_at from ${old} where kind = 'department'`);
    this.addSql(`insert into ${this.t('registry_calendar_year')} (year, holidays, workdays) select year, holidays, workdays from ${this.t('calendar_year_copy')}`);
    this.addSql(`drop table ${old}`);
    this.addSql(`drop table ${this.t('calendar_year_copy')}`);
  }
}
