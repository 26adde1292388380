import { SchemaMigration } from '@gridline/persistence';

/**
 * What a step decided, on the timeline (an extension asked and decided, a category changed at dispatch), and when a
 * pending extension was asked: extensions asked before this migration take the time of their timeline entry.
 */
export class HotlineTimelineDetailsMigration extends SchemaMigration {
  static readonly migrationName = '20261201007000_appeal_timeline_details';

  up(): void {
    this.addSql(`alter table ${this.t('appeal_timeline')} add column details jsonb null`);
    this.addSql(`update ${this.t('appeal')} a set extension = a.extension || jsonb_build_object('at', coalesce(
        (select to_jsonb(max(t.at)) from ${this.t('appeal_timeline')} t where t.appeal_id = a.id and t.action = 'request_extension'), to_jsonb(a.updated_at)))
      where a.extension is not null and a.extension->>'at' is null`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('appeal_timeline')} drop column details`);
  }
}
