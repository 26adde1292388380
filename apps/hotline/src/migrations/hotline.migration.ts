import { ExportAuditMigration, SchemaMigration, workOrderMigrationSql } from '@gridline/persistence';
import { HotlineTimelineDetailsMigration } from './20261201007000_appeal_timeline_details.migration';
import { HotlineReviewMigration } from './20261205001000_appeal_review.migration';
import { HotlineDueProvisionalMigration } from './20261205002000_appeal_due_provisional.migration';
import { HotlineOpen311UpdatesMigration } from './20261205003000_open311_updates.migration';
import { HotlineRegistryCopyMigration } from './20261206001000_registry_copy.migration';
import { HotlineRegistryReferenceMigration } from './20261207000100_registry_reference.migration';
import { HotlineAppealSearchMigration } from './20261215000100_appeal_search.migration';
import { REGISTRY_REFERENCE_MIGRATIONS } from '@gridline/registry-reference';

export class HotlineMigration extends SchemaMigration {
  static readonly migrationName = '20261127002000_appeals';

  up(): void {
    this.addSql(`create table ${this.t('appeal')} (
      id uuid primary key,
      status text not null,
      channel text not null,
      type text not null,
      caller_name_enc text null,
      caller_phone_enc text null,
      caller_phone_index text null,
      anonymous boolean not null default false,
      flagged boolean not null default false,
      content text not null,
      category_code text null,
      lat double precision null,
      lng double precision null,
      address text null,
      grid_code text null,
      path text[] not null,
      urgency text not null,
      operator text not null,
      lead jsonb null,
      lead_key text null,
      co_owners jsonb not null default '[]',
      incident_id uuid null,
      incident_status text null,
      dispatch_due_at timestamptz null,
      dispatched_at timestamptz null,
      sign_due_at timestamptz null,
      signed_at timestamptz null,
      answer_due_at timestamptz null,
      answered_at timestamptz null,
      reply jsonb null,
      satisfaction text null,
      extension jsonb null,
      reopen_count int not null default 0,
      return_count int not null default 0,
      extension_count int not null default 0,
      merged_into uuid null,
      received_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1
    )`);
    this.addSql(`create index appeal_received_idx on ${this.t('appeal')} (received_at desc)`);
    this.addSql(`create index appeal_lead_idx on ${this.t('appeal')} (lead_key, received_at)`);
    this.addSql(`create index appeal_caller_idx on ${this.t('appeal')} (caller_phone_index, category_code, received_at)`);
    this.addSql(`create index appeal_path_idx on ${this.t('appeal')} using gin (path)`);
    this.addSql(`create table ${this.t('appeal_timeline')} (
      id bigserial primary key,
      appeal_id uuid not null,
      at timestamptz not null default now(),
      action text not null,
      actor text not null,
      from_status text null,
      to_status text not null,
      comment text null
    )`);
    this.addSql(`create index appeal_timeline_idx on ${this.t('appeal_timeline')} (appeal_id, id)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('appeal_timeline')}`);
    this.addSql(`drop table if exists ${this.t('appeal')}`);
  }
}

/** Open311: client applications' API keys (SHA-256 hashes only) and the media URLs clients send with requests. */
export class HotlineOpen311Migration extends SchemaMigration {
  static readonly migrationName = '20261127004000_open311';

  up(): void {
    this.addSql(`create table ${this.t('open311_key')} (
      application text primary key,
      key_hash text not null unique,
      issued_by text not null,
      issued_at timestamptz not null default now()
    )`);
    this.addSql(`create table ${this.t('open311_media')} (
      appeal_id uuid primary key,
      media_url text not null,
      recorded_at timestamptz not null default now()
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('open311_media')}`);
    this.addSql(`drop table if exists ${this.t('open311_key')}`);
  }
}

/**
 * The supervision's bookkeeping on each appeal (the deadlines it reminded of or marked overdue, when to look next,
 * the version it looked at) and the figures' publication per owner.
 */
export class HotlineSupervisionMigration extends SchemaMigration {
  static readonly migrationName = '20261128001000_appeal_supervision';

  up(): void {
    this.addSql(`alter table ${this.t('appeal')}
      add column next_check_at timestamptz null,
      add column checked_version int null,
      add column reminded_for timestamptz null,
      add column dispatch_overdue_for timestamptz null,
      add column sign_overdue_for timestamptz null,
      add column answer_overdue_for timestamptz null`);
    // Only open appeals are watched: the claim reads this small index, not the closed history.
    this.addSql(`create index appeal_supervision_idx on ${this.t('appeal')} (next_check_at) where status in ('received', 'dispatched', 'signed')`);
    // The figures publisher: owners with recent changes, and whether an owner changed since its last publication.
    this.addSql(`create index appeal_updated_idx on ${this.t('appeal')} (updated_at)`);
    this.addSql(`create index appeal_lead_updated_idx on ${this.t('appeal')} (lead_key, updated_at)`);
    this.addSql(`create table ${this.t('figures_publication')} (
      owner text primary key,
      published_at timestamptz null
    )`);
    this.addSql(`insert into ${this.t('figures_publication')} (owner) select distinct lead_key from ${this.t('appeal')} where lead_key is not null`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('figures_publication')}`);
    this.addSql(`drop index if exists "${this.schema}"."appeal_lead_updated_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."appeal_updated_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."appeal_supervision_idx"`);
    this.addSql(`alter table ${this.t('appeal')} drop column next_check_at, drop column checked_version, drop column reminded_for,
      drop column dispatch_overdue_for, drop column sign_overdue_for, drop column answer_overdue_for`);
  }
}

/** The owner's first contact with the caller, and the index of intake's same-place look-up. */
export class HotlineContactMigration extends SchemaMigration {
  static readonly migrationName = '20261128002000_appeal_contact';

  up(): void {
    this.addSql(`alter table ${this.t('appeal')} add column contact_due_at timestamptz null, add column contacted_at timestamptz null`);
    // Intake looks for open appeals of the same category in the same grid (docs/BENCHMARKS.md, "Hotline").
    this.addSql(`create index appeal_place_idx on ${this.t('appeal')} (grid_code, category_code, received_at desc)`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."appeal_place_idx"`);
    this.addSql(`alter table ${this.t('appeal')} drop column contact_due_at, drop column contacted_at`);
  }
}

export class HotlineCallerAuditMigration extends SchemaMigration {
  static readonly migrationName = '20261201003000_caller_audit';

  up(): void {
    // Who saw which appeal's caller in clear, when and why: written before anything is shown.
    this.addSql(`create table ${this.t('caller_audit')} (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      actor_roles text[] not null,
      appeal_id uuid not null,
      fields text[] not null,
      reason text not null,
      correlation_id text null
    )`);
    this.addSql(`create index caller_audit_appeal_idx on ${this.t('caller_audit')} (appeal_id, at desc)`);
    this.addSql(`create index caller_audit_actor_idx on ${this.t('caller_audit')} (actor, at desc)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('caller_audit')}`);
  }
}

/** Grid hand-offs: each dispatch to a grid and each re-handling starts one, keyed in incidents by its number. */
export class HotlineHandoffMigration extends SchemaMigration {
  static readonly migrationName = '20261201004000_appeal_handoff';

  up(): void {
    this.addSql(`alter table ${this.t('appeal')} add column handoff_count int not null default 0, add column handoff_failure jsonb null`);
    // Appeals already handed down (before hand-offs were numbered) are on their first.
    this.addSql(`update ${this.t('appeal')} set handoff_count = 1 where incident_id is not null or (lead->>'level' = 'grid' and status in ('dispatched', 'signed'))`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('appeal')} drop column handoff_count, drop column handoff_failure`);
  }
}

/** Readable work-order numbers (12345-YYYYMMDD-NNNNNN), unique per China day; existing appeals numbered in reception order. */
export class HotlineWorkOrderMigration extends SchemaMigration {
  static readonly migrationName = '20261201004000_appeal_work_order';

  up(): void {
    for (const sql of workOrderMigrationSql({ schema: this.schema, table: 'appeal', createdAt: 'received_at', prefix: '12345' })) this.addSql(sql);
    // Search by the caller's phone goes through its blind index.
    this.addSql(`create index appeal_phone_idx on ${this.t('appeal')} (caller_phone_index) where caller_phone_index is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."appeal_phone_idx"`);
    this.addSql(`alter table ${this.t('appeal')} drop column work_order`);
    this.addSql(`drop table if exists ${this.t('work_order_counter')}`);
  }
}

/** The shared copy of the registry's reference data comes in before the migration that moves the hotline's old copy into it. */
export const HOTLINE_MIGRATIONS = [
  ...[HotlineMigration, HotlineOpen311Migration, HotlineSupervisionMigration, HotlineContactMigration, HotlineCallerAuditMigration, HotlineHandoffMigration, HotlineWorkOrderMigration, HotlineTimelineDetailsMigration, HotlineReviewMigration, HotlineDueProvisionalMigration, HotlineOpen311UpdatesMigration, HotlineRegistryCopyMigration].map((m) => ({ name: m.migrationName, class: m })),
  ...REGISTRY_REFERENCE_MIGRATIONS,
  { name: HotlineRegistryReferenceMigration.migrationName, class: HotlineRegistryReferenceMigration },
  { name: ExportAuditMigration.migrationName, class: ExportAuditMigration },
  { name: HotlineAppealSearchMigration.migrationName, class: HotlineAppealSearchMigration },
];
