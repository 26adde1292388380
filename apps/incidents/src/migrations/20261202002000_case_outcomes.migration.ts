import { SchemaMigration } from '@gridline/persistence';

/**
 * What the next person needs on the case: the latest verification and the evaluation (who, when), and the units'
 * names in the map's copy. Existing cases get both from their timelines; unit names arrive with the next unit event.
 */
export class CaseOutcomesMigration extends SchemaMigration {
  static readonly migrationName = '20261202002000_case_outcomes';

  up(): void {
    this.addSql(`alter table ${this.t('incident')} add column verification jsonb null, add column evaluation jsonb null`);
    this.addSql(`alter table ${this.t('unit_copy')} add column name text null`);
    this.addSql(`update ${this.t('incident')} i set verification = (
        select jsonb_build_object('passed', coalesce((t.details->>'passed')::boolean, t.to_status = 'closed'), 'comment', t.comment, 'by', t.actor,
          'at', to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          from ${this.t('incident_timeline')} t where t.incident_id = i.id and t.action = 'verify' order by t.id desc limit 1)
      where exists (select 1 from ${this.t('incident_timeline')} t where t.incident_id = i.id and t.action = 'verify')`);
    this.addSql(`update ${this.t('incident')} i set evaluation = (
        select jsonb_build_object('rating', i.rating, 'by', t.actor, 'at', to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          from ${this.t('incident_timeline')} t where t.incident_id = i.id and t.action = 'evaluate' order by t.id desc limit 1)
      where i.rating is not null`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('incident')} drop column verification, drop column evaluation`);
    this.addSql(`alter table ${this.t('unit_copy')} drop column name`);
  }
}
