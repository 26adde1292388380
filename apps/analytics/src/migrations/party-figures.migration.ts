import { SchemaMigration } from '@gridline/persistence';

/**
 * What analytics keeps of party building's events for the party figures (`analytics-party`): each organisation as
 * its newest event told it (`event_at`), so that an older event arriving late changes nothing; each member likewise,
 * at their organisation's unit.
 */
export class PartyFiguresMigration extends SchemaMigration {
  static readonly migrationName = '20261201140000_party_figures';

  up(): void {
    this.addSql(`create table ${this.t('party_organisation')} (
      organisation_id text primary key,
      level text not null,
      unit_code text not null,
      unit_path text[] not null,
      active boolean not null,
      event_at timestamptz not null
    )`);
    this.addSql(`create index party_organisation_unit_idx on ${this.t('party_organisation')} (unit_code) where active`);
    this.addSql(`create table ${this.t('party_member')} (
      member_id text primary key,
      organisation_id text not null,
      unit_path text[] not null,
      status text not null,
      event_at timestamptz not null
    )`);
    this.addSql(`create index party_member_path_idx on ${this.t('party_member')} using gin (unit_path)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('party_member')}`);
    this.addSql(`drop table if exists ${this.t('party_organisation')}`);
  }
}
