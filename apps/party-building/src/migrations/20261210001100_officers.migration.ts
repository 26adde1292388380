import { SchemaMigration } from '@gridline/persistence';

/**
 * Officers' terms (secretary, deputy secretaries, committee members) of party organisations. `member_id` has no
 * foreign key: members are another feature's table, checked by the use case.
 */
export class PartyOfficersMigration extends SchemaMigration {
  static readonly migrationName = '20261210001100_officers';

  up(): void {
    this.addSql(`create table ${this.t('organisation_officer')} (
      id uuid primary key,
      organisation_id uuid not null references ${this.t('organisation')} (id),
      member_id uuid not null,
      role text not null,
      starts_on date not null,
      ends_on date null,
      directs_grid_centre boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint organisation_officer_period_check check (ends_on is null or ends_on >= starts_on),
      constraint organisation_officer_directs_check check (not directs_grid_centre or role = 'secretary')
    )`);
    this.addSql(`create index organisation_officer_organisation_idx on ${this.t('organisation_officer')} (organisation_id, starts_on)`);
    this.addSql(`create index organisation_officer_member_idx on ${this.t('organisation_officer')} (member_id)`);
    // The use case locks the organisation and refuses overlapping secretaries; this keeps at most one open term.
    this.addSql(`create unique index organisation_officer_one_open_secretary_idx on ${this.t('organisation_officer')} (organisation_id) where role = 'secretary' and ends_on is null`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('organisation_officer')}`);
  }
}
