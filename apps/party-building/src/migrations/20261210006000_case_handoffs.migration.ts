import { SchemaMigration } from '@gridline/persistence';

/** Hand-offs of party-building records to incidents as grid cases: one per origin, with the report as first sent. */
export class PartyCaseHandoffsMigration extends SchemaMigration {
  static readonly migrationName = '20261210006000_case_handoffs';

  up(): void {
    this.addSql(`create table ${this.t('case_handoff')} (
      key text primary key,
      origin_kind text not null,
      origin_id uuid not null,
      request jsonb not null,
      incident_id uuid null,
      work_order text null,
      created_at timestamptz not null default now(),
      opened_at timestamptz null
    )`);
    this.addSql(`create index case_handoff_origin_idx on ${this.t('case_handoff')} (origin_kind, origin_id)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('case_handoff')}`);
  }
}
