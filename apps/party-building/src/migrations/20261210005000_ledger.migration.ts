import { SchemaMigration } from '@gridline/persistence';

/**
 * The service ledger: one row per service record, hours as integer half-hours (never floats), the member's
 * organisation and its unit path kept as they were when the record was made. An activity credits a member once.
 */
export class PartyLedgerMigration extends SchemaMigration {
  static readonly migrationName = '20261210005000_ledger';

  up(): void {
    this.addSql(`create table ${this.t('service_record')} (
      id uuid primary key,
      member_id uuid not null,
      organisation_id uuid not null,
      path text[] not null,
      kind text not null check (kind in ('activity', 'grid_task')),
      task text null,
      activity_id uuid null,
      reference_kind text null,
      reference_id text null,
      day date not null,
      half_hours integer not null check (half_hours between 1 and 48),
      points integer not null check (points >= 0),
      note text null,
      status text not null check (status in ('pending', 'approved', 'rejected')),
      submitted_by text not null,
      decided_by text null,
      decided_at timestamptz null,
      reason text null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'activity') = (activity_id is not null)),
      check ((kind = 'grid_task') = (task is not null)),
      check ((reference_kind is null) = (reference_id is null))
    )`);
    // Idempotent credit: one record per member and activity, whatever the redeliveries.
    this.addSql(`create unique index service_record_activity_idx on ${this.t('service_record')} (member_id, activity_id) where kind = 'activity'`);
    this.addSql(`create index service_record_member_day_idx on ${this.t('service_record')} (member_id, day)`);
    this.addSql(`create index service_record_path_idx on ${this.t('service_record')} using gin (path)`);
    this.addSql(`create index service_record_day_idx on ${this.t('service_record')} (day, status)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('service_record')}`);
  }
}
