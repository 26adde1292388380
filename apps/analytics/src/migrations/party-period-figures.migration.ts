import { SchemaMigration } from '@gridline/persistence';

/**
 * The per-period party figures (`analytics-party`): in-service registrations with their days and newest state,
 * activities with their China day and newest state, check-ins by their China day, and service records by day with
 * their newest status — each keyed by party building's own id, so a redelivered event finds its row.
 */
export class PartyPeriodFiguresMigration extends SchemaMigration {
  static readonly migrationName = '20261201143000_party_period_figures';

  up(): void {
    this.addSql(`create table ${this.t('party_registration')} (
      registration_id text primary key,
      unit_path text[] not null,
      state text not null,
      starts_on date not null,
      ends_on date null,
      event_at timestamptz not null
    )`);
    this.addSql(`create index party_registration_path_idx on ${this.t('party_registration')} using gin (unit_path)`);
    this.addSql(`create table ${this.t('party_activity')} (
      activity_id text primary key,
      unit_path text[] not null,
      starts_at timestamptz null,
      day date null,
      state text not null,
      event_at timestamptz not null
    )`);
    this.addSql(`create index party_activity_day_idx on ${this.t('party_activity')} (day)`);
    this.addSql(`create table ${this.t('party_attendance')} (
      sign_up_id text primary key,
      activity_id text not null,
      unit_path text[] not null,
      day date not null
    )`);
    this.addSql(`create index party_attendance_day_idx on ${this.t('party_attendance')} (day)`);
    this.addSql(`create table ${this.t('party_service')} (
      record_id text primary key,
      unit_path text[] not null,
      day date not null,
      hours numeric(8, 1) not null,
      status text not null,
      event_at timestamptz not null
    )`);
    this.addSql(`create index party_service_day_idx on ${this.t('party_service')} (day) where status = 'approved'`);
  }

  override down(): void {
    for (const table of ['party_service', 'party_attendance', 'party_activity', 'party_registration']) this.addSql(`drop table if exists ${this.t(table)}`);
  }
}
