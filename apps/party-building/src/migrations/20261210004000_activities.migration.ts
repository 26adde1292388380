import { SchemaMigration } from '@gridline/persistence';

/** Party activities, their sign-ups (capacity kept on the activity row), check-in codes (hashes) and wrong-code counts. */
export class PartyActivitiesMigration extends SchemaMigration {
  static readonly migrationName = '20261210004000_activities';

  up(): void {
    this.addSql(`create table ${this.t('activity')} (
      id uuid primary key,
      organisation_id uuid not null references ${this.t('organisation')} (id),
      unit_code text not null,
      path text[] not null,
      kind text not null,
      title text not null,
      description text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      station_id uuid null,
      address text null,
      capacity integer not null check (capacity >= 1),
      audience text not null,
      half_hours integer not null check (half_hours between 0 and 48),
      status text not null default 'scheduled',
      signed_up integer not null default 0,
      cancel_reason text null,
      report_summary text null,
      report_counts jsonb null,
      reported_at timestamptz null,
      reported_by text null,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check ((station_id is null) <> (address is null)),
      check (signed_up between 0 and capacity)
    )`);
    this.addSql(`create index activity_path_idx on ${this.t('activity')} using gin (path)`);
    this.addSql(`create index activity_starts_idx on ${this.t('activity')} (starts_at, id)`);
    this.addSql(`create index activity_organisation_idx on ${this.t('activity')} (organisation_id, starts_at)`);
    this.addSql(`create table ${this.t('activity_sign_up')} (
      id uuid primary key,
      activity_id uuid not null references ${this.t('activity')} (id),
      member_id uuid not null,
      status text not null default 'signed_up',
      walk_in boolean not null default false,
      signed_up_at timestamptz not null,
      cancelled_at timestamptz null,
      attended_at timestamptz null,
      unique (activity_id, member_id)
    )`);
    this.addSql(`create index activity_sign_up_member_idx on ${this.t('activity_sign_up')} (member_id, activity_id)`);
    this.addSql(`create table ${this.t('activity_check_in_code')} (
      id uuid primary key,
      activity_id uuid not null references ${this.t('activity')} (id),
      code_hash text not null,
      opened_at timestamptz not null,
      opened_by text not null,
      expires_at timestamptz not null,
      replaced_at timestamptz null,
      unique (activity_id, code_hash)
    )`);
    this.addSql(`create unique index activity_check_in_code_current_idx on ${this.t('activity_check_in_code')} (activity_id) where replaced_at is null`);
    this.addSql(`create table ${this.t('activity_check_in_attempt')} (
      code_id uuid not null references ${this.t('activity_check_in_code')} (id),
      member_id uuid not null,
      wrong integer not null,
      primary key (code_id, member_id)
    )`);
  }

  override down(): void {
    for (const table of ['activity_check_in_attempt', 'activity_check_in_code', 'activity_sign_up', 'activity']) this.addSql(`drop table if exists ${this.t(table)}`);
  }
}
