import { SchemaMigration } from '@gridline/persistence';

/**
 * Party members (name, ID number and phone encrypted, the ID number and phone with a keyed hash beside: one member
 * per ID number, one per login account) and the audit log of their reveals.
 */
export class PartyMembersMigration extends SchemaMigration {
  static readonly migrationName = '20261210002000_members';

  up(): void {
    this.addSql(`create table ${this.t('member')} (
      id uuid primary key,
      name_enc text not null,
      id_number_enc text not null,
      id_number_index text not null,
      phone_enc text not null,
      phone_index text not null,
      status text not null check (status in ('full', 'probationary')),
      joined_on date not null,
      organisation_id uuid not null references ${this.t('organisation')} (id),
      path text[] not null,
      home_grid_code text not null,
      account text null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create unique index member_id_number_idx on ${this.t('member')} (id_number_index)`);
    this.addSql(`create unique index member_account_idx on ${this.t('member')} (account) where account is not null`);
    this.addSql(`create index member_phone_idx on ${this.t('member')} (phone_index)`);
    this.addSql(`create index member_organisation_idx on ${this.t('member')} (organisation_id)`);
    this.addSql(`create index member_path_idx on ${this.t('member')} using gin (path)`);
    this.addSql(`create index member_home_grid_idx on ${this.t('member')} (home_grid_code)`);

    this.addSql(`create table ${this.t('member_audit')} (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      actor_roles text[] not null,
      member_id uuid not null,
      path text[] not null,
      fields text[] not null,
      reason text not null,
      correlation_id text null
    )`);
    this.addSql(`create index member_audit_member_idx on ${this.t('member_audit')} (member_id, at)`);
    this.addSql(`create index member_audit_actor_idx on ${this.t('member_audit')} (actor, at)`);
    this.addSql(`create index member_audit_path_idx on ${this.t('member_audit')} using gin (path)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('member_audit')}`);
    this.addSql(`drop table if exists ${this.t('member')}`);
  }
}
