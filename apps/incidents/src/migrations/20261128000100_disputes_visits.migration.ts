import { SchemaMigration } from '@gridline/persistence';

/** Dispute mediation (parties, sessions, agreement), household visits and "3+N" joint discussions of cases. */
export class DisputesVisitsMigration extends SchemaMigration {
  static readonly migrationName = '20261128000100_disputes_visits';

  up(): void {
    this.addSql(`create table ${this.t('dispute_party')} (
      id uuid primary key,
      incident_id uuid not null references ${this.t('incident')} (id),
      name text not null,
      role text not null check (role in ('applicant', 'respondent', 'third_party')),
      added_by text not null,
      added_at timestamptz not null default now()
    )`);
    this.addSql(`create index dispute_party_incident_idx on ${this.t('dispute_party')} (incident_id, added_at)`);

    this.addSql(`create table ${this.t('mediation_session')} (
      id uuid primary key,
      incident_id uuid not null references ${this.t('incident')} (id),
      date date not null,
      mediator text not null,
      outcome text not null,
      recorded_by text not null,
      recorded_at timestamptz not null default now()
    )`);
    this.addSql(`create index mediation_session_incident_idx on ${this.t('mediation_session')} (incident_id, date)`);

    this.addSql(`create table ${this.t('dispute_agreement')} (
      incident_id uuid primary key references ${this.t('incident')} (id),
      text text not null,
      date date not null,
      resolved boolean not null,
      recorded_by text not null,
      recorded_at timestamptz not null default now()
    )`);

    this.addSql(`create table ${this.t('visit')} (
      id uuid primary key,
      household_id uuid not null,
      grid_code text not null,
      path text[] not null,
      date date not null,
      notes text not null default '',
      tags text[] not null default '{}',
      visitor text not null,
      incident_id uuid null references ${this.t('incident')} (id),
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index visit_path_idx on ${this.t('visit')} using gin (path)`);
    this.addSql(`create index visit_date_idx on ${this.t('visit')} (date desc, created_at desc)`);
    this.addSql(`create index visit_household_idx on ${this.t('visit')} (household_id, date desc)`);

    this.addSql(`create table ${this.t('joint_discussion')} (
      id uuid primary key,
      incident_id uuid not null references ${this.t('incident')} (id),
      participants text[] not null,
      date date not null,
      decision text not null,
      owners jsonb not null,
      lifted_by text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index joint_discussion_incident_idx on ${this.t('joint_discussion')} (incident_id, created_at)`);
  }

  override down(): void {
    for (const t of ['joint_discussion', 'visit', 'dispute_agreement', 'mediation_session', 'dispute_party']) this.addSql(`drop table if exists ${this.t(t)}`);
  }
}
