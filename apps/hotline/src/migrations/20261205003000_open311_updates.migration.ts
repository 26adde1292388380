import { SchemaMigration } from '@gridline/persistence';

/**
 * FixMyStreet's servicerequestupdates: the reply each answer step gave (public, unlike the timeline's comments), and
 * the citizens' comments Open311 clients post, each once per application and client update id.
 */
export class HotlineOpen311UpdatesMigration extends SchemaMigration {
  static readonly migrationName = '20261205003000_open311_updates';

  up(): void {
    this.addSql(`alter table ${this.t('appeal_timeline')} add column reply jsonb null`);
    // The answers already given: the latest answer step of each answered appeal carries the appeal's reply.
    this.addSql(`update ${this.t('appeal_timeline')} t set reply = a.reply
      from ${this.t('appeal')} a
      where a.id = t.appeal_id and a.reply is not null
        and t.id = (select max(x.id) from ${this.t('appeal_timeline')} x where x.appeal_id = a.id and x.action in ('answer', 'answer_directly'))`);
    // Updates since a time: the public steps are read by the time they were recorded.
    this.addSql(`create index appeal_timeline_at_idx on ${this.t('appeal_timeline')} (at, id)`);
    this.addSql(`create table ${this.t('open311_update')} (
      timeline_id bigint primary key,
      appeal_id uuid not null,
      application text not null,
      client_update_id text null,
      text text not null,
      media_url text null,
      written_at timestamptz not null,
      client_status text null,
      fingerprint text not null,
      recorded_at timestamptz not null default now()
    )`);
    this.addSql(`create unique index open311_update_client_idx on ${this.t('open311_update')} (application, client_update_id) where client_update_id is not null`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('open311_update')}`);
    this.addSql(`drop index if exists "${this.schema}"."appeal_timeline_at_idx"`);
    this.addSql(`alter table ${this.t('appeal_timeline')} drop column reply`);
  }
}
