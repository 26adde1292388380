import { SchemaMigration } from '@gridline/persistence';

/** In-service party members' dual registrations (双报到): at most one current (submitted or approved) per member. */
export class PartyRegistrationsMigration extends SchemaMigration {
  static readonly migrationName = '20261210003000_registrations';

  up(): void {
    this.addSql(`create table ${this.t('registration')} (
      id uuid primary key,
      member_id uuid not null,
      work_unit text not null,
      work_unit_party_organisation text not null,
      community_code text not null,
      grid_code text not null,
      path text[] not null,
      post text not null,
      post_note text null,
      starts_on date not null,
      ends_on date null,
      state text not null default 'submitted',
      rejection_reason text null,
      submitted_by text not null,
      decided_by text null,
      decided_at timestamptz null,
      ended_at timestamptz null,
      handoff_status text not null default 'none',
      handoff_assignment_id uuid null,
      handoff_person_id uuid null,
      handoff_reason text null,
      handoff_at timestamptz null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index registration_path_idx on ${this.t('registration')} using gin (path)`);
    this.addSql(`create index registration_member_idx on ${this.t('registration')} (member_id, created_at)`);
    this.addSql(`create unique index registration_one_current_idx on ${this.t('registration')} (member_id) where state in ('submitted', 'approved')`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('registration')}`);
  }
}
