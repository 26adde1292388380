import { SchemaMigration } from '@gridline/persistence';

/**
 * What a step decided, on the timeline (an extension asked and decided, a category changed at dispatch), and when a
 * pending extension was asked: extensions asked before this migration take the time of their timeline entry.
 */
export class HotlineTimelineDetailsMigration extends SchemaMigration {
  static readonly migrationName = '20261201007000_appeal_timeline_details';

  up(): void {
    this.addSql(`alter table ${this.t('appeal_timeline')} add column details jsonb null`);
    this.addSql(`update ${this.t('appeal')} a set extension = a.extension || jsonb_build_object('at', to_char(coalesce(
        (select max(t.at) from ${this.t('appeal_timeline')} t where t.appeal_id = a.id and t.action = 'request_extension'), a.updated_at) at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      where a.extension is not null and a.extension->>'at' is null`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('appeal_timeline')} drop column details`);
  }
}
