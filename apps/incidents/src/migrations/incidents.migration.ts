import { ExportAuditMigration, SchemaMigration, workOrderMigrationSql } from '@gridline/persistence';
import { CandidateDiscussionsMigration } from './20261208000100_candidate_discussions.migration';
import { DisputesVisitsMigration } from './20261128000100_disputes_visits.migration';
import { DepartmentCopyMigration } from './20261201006000_department_copy.migration';
import { DueProvisionalMigration } from './20261202003500_due_provisional.migration';
import { CaseOutcomesMigration } from './20261202002000_case_outcomes.migration';
import { PhotosMigration } from './20261202005000_photos.migration';
import { IncidentsRegistryReferenceMigration } from './20261207000100_registry_reference.migration';
import { IncidentGridScopeMigration } from './20261214000100_grid_scope.migration';
import { REGISTRY_REFERENCE_MIGRATIONS } from '@gridline/registry-reference';

export class IncidentsMigration extends SchemaMigration {
  static readonly migrationName = '20261127001000_incidents';

  up(): void {
    // Local copies of the registry's reference data, kept from its events.
    this.addSql(`create table ${this.t('unit_copy')} (
      code text primary key, level text not null, parent_code text null, path text[] not null, active boolean not null, updated_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('category_copy')} (
      code text primary key, parent_code text null, name text not null, owner jsonb null, accept_limit jsonb null, handle_limit jsonb null,
      urgency text not null, active boolean not null, updated_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('calendar_copy')} (year int primary key, holidays text[] not null, workdays text[] not null)`);

    this.addSql(`create table ${this.t('incident')} (
      id uuid primary key,
      status text not null,
      category_code text not null,
      title text not null,
      description text not null,
      lat double precision null,
      lng double precision null,
      address text null,
      grid_code text not null,
      path text[] not null,
      urgency text not null,
      source text not null,
      reporter text not null,
      attachments jsonb not null default '[]',
      appeal_ref text null,
      owner jsonb null,
      step text null,
      step_started_at timestamptz null,
      warn_at timestamptz null,
      due_at timestamptz null,
      red_at timestamptz null,
      next_check_at timestamptz null,
      supervision_card text not null default 'none',
      supervisor_unit_code text null,
      supervised_since timestamptz null,
      rework_count int not null default 0,
      extension jsonb null,
      handling jsonb null,
      rating int null,
      merged_into uuid null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1
    )`);
    this.addSql(`create index incident_path_idx on ${this.t('incident')} using gin (path)`);
    this.addSql(`create index incident_created_idx on ${this.t('incident')} (created_at desc, id desc)`);
    this.addSql(`create index incident_status_idx on ${this.t('incident')} (status, created_at desc)`);
    this.addSql(`create index incident_due_idx on ${this.t('incident')} (due_at) where step is not null`);
    this.addSql(`create index incident_check_idx on ${this.t('incident')} (next_check_at) where next_check_at is not null`);
    this.addSql(`create index incident_category_idx on ${this.t('incident')} (category_code, created_at desc)`);
    this.addSql(`create index incident_appeal_idx on ${this.t('incident')} (appeal_ref) where appeal_ref is not null`);

    this.addSql(`create table ${this.t('incident_timeline')} (
      id bigserial primary key,
      incident_id uuid not null,
      at timestamptz not null default now(),
      action text not null,
      actor text not null,
      from_status text null,
      to_status text not null,
      comment text null,
      details jsonb not null default '{}'
    )`);
    this.addSql(`create index incident_timeline_idx on ${this.t('incident_timeline')} (incident_id, id)`);

    this.addSql(`create table ${this.t('idempotency_key')} (
      actor text not null,
      key text not null,
      request_hash text not null,
      incident_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (actor, key)
    )`);
  }

  override down(): void {
    for (const t of ['idempotency_key', 'incident_timeline', 'incident', 'calendar_copy', 'category_copy', 'unit_copy']) this.addSql(`drop table if exists ${this.t(t)}`);
  }
}

/** Indexes that keep case lists fast over a million cases (see docs/BENCHMARKS.md, "Incidents"). */
export class IncidentSearchMigration extends SchemaMigration {
  static readonly migrationName = '20261128003000_incident_search';

  up(): void {
    // Trigrams make the substring search (which must work for Chinese text) use an index.
    this.addExtension('pg_trgm');
    this.addSql(`create index incident_search_trgm_idx on ${this.t('incident')}
      using gin ((title || ' ' || description || ' ' || coalesce(address, '')) gin_trgm_ops)`);
    this.addSql(`alter index "${this.schema}"."incident_search_trgm_idx" alter column 1 set statistics 1000`);
    this.addSql(`create index incident_reporter_idx on ${this.t('incident')} (reporter)`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."incident_search_trgm_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."incident_reporter_idx"`);
  }
}

/** The hotline hand-off a case answers: a re-dispatched or re-handled appeal opens a new case, keyed by it. */
export class IncidentAppealHandoffMigration extends SchemaMigration {
  static readonly migrationName = '20261201001000_incident_appeal_handoff';

  up(): void {
    this.addSql(`alter table ${this.t('incident')} add column appeal_handoff int null`);
    this.addSql(`create index incident_appeal_ref_idx on ${this.t('incident')} (appeal_ref) where appeal_ref is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."incident_appeal_ref_idx"`);
    this.addSql(`alter table ${this.t('incident')} drop column appeal_handoff`);
  }
}

/** Readable work-order numbers (GX-YYYYMMDD-NNNNNN), unique per China day; existing cases numbered in report order. */
export class IncidentWorkOrderMigration extends SchemaMigration {
  static readonly migrationName = '20261201004000_incident_work_order';

  up(): void {
    for (const sql of workOrderMigrationSql({ schema: this.schema, table: 'incident', createdAt: 'created_at', prefix: 'GX' })) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('incident')} drop column work_order`);
    this.addSql(`drop table if exists ${this.t('work_order_counter')}`);
  }
}

/** Separation of duties, kept per case as it was in force when the case was reported (on unless its street opts out). */
export class IncidentSeparationMigration extends SchemaMigration {
  static readonly migrationName = '20261201005000_incident_separation_of_duties';

  up(): void {
    this.addSql(`alter table ${this.t('incident')} add column separation_of_duties boolean not null default true`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('incident')} drop column separation_of_duties`);
  }
}

/** The shared copy of the registry's reference data comes in before the migration that moves incidents' old copy into it. */
export const INCIDENTS_MIGRATIONS = [
  ...[IncidentsMigration, DisputesVisitsMigration, IncidentSearchMigration, IncidentAppealHandoffMigration, IncidentWorkOrderMigration, IncidentSeparationMigration, DepartmentCopyMigration, DueProvisionalMigration, CaseOutcomesMigration, PhotosMigration].map((m) => ({ name: m.migrationName, class: m })),
  ...REGISTRY_REFERENCE_MIGRATIONS,
  { name: IncidentsRegistryReferenceMigration.migrationName, class: IncidentsRegistryReferenceMigration },
  { name: ExportAuditMigration.migrationName, class: ExportAuditMigration },
  { name: CandidateDiscussionsMigration.migrationName, class: CandidateDiscussionsMigration },
  { name: IncidentGridScopeMigration.migrationName, class: IncidentGridScopeMigration },
];
