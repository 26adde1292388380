import { SchemaMigration } from '@gridline/persistence';

/**
 * The 3+N candidates (未诉先办): the detection rules (`candidate_rule`, a `*` default and overrides per category or
 * major category), the detector's lease (`candidate_scan`: one row, claimed FOR UPDATE SKIP LOCKED, so one replica
 * scans at a time) and the candidates. A candidate is keyed by rule, unit, category and the China day of its first
 * occurrence (the window); at most one is `raised` per rule, unit and category, so new evidence joins it.
 */
export class CandidatesMigration extends SchemaMigration {
  static readonly migrationName = '20261201172000_candidates';

  up(): void {
    this.addSql(`create table ${this.t('candidate_rule')} (
      category_code text primary key,
      kind text not null,
      window_days int not null,
      min_count int not null,
      radius_metres int null,
      factor numeric(6, 2) null,
      baseline_windows int null,
      enabled boolean not null,
      updated_at timestamptz not null,
      updated_by text not null
    )`);
    // The default: 5 cases (and appeals) of one category in one grid within 14 days.
    this.addSql(`insert into ${this.t('candidate_rule')} values ('*', 'same_grid', 14, 5, null, null, null, true, now(), 'default')`);
    this.addSql(`create table ${this.t('candidate_scan')} (name text primary key, next_scan_at timestamptz not null, last_scan_at timestamptz null)`);
    this.addSql(`insert into ${this.t('candidate_scan')} values ('detector', now(), null)`);
    this.addSql(`create table ${this.t('candidate')} (
      id uuid primary key,
      rule_key text not null,
      rule jsonb not null,
      street_code text not null,
      unit_code text not null,
      unit_path text[] not null,
      category_code text not null,
      window_start date not null,
      last_evidence_at timestamptz not null,
      incident_ids text[] not null,
      appeal_ids text[] not null,
      trend jsonb not null,
      summary text not null,
      status text not null,
      dismiss_reason text null,
      dismissed_by text null,
      dismissed_at timestamptz null,
      lifted_by text null,
      lifted_at timestamptz null,
      outcome jsonb null,
      outcome_at timestamptz null,
      raised_at timestamptz not null,
      updated_at timestamptz not null,
      constraint candidate_window_key unique (rule_key, unit_code, category_code, window_start)
    )`);
    this.addSql(`create unique index candidate_one_raised_idx on ${this.t('candidate')} (rule_key, unit_code, category_code) where status = 'raised'`);
    this.addSql(`create index candidate_list_idx on ${this.t('candidate')} (raised_at desc, id desc)`);
    this.addSql(`create index candidate_unit_idx on ${this.t('candidate')} using gin (unit_path)`);
    // The detector's first filter: the occurrences of the last weeks by time, with what it groups by.
    this.addSql(`create index case_projection_reported_idx on ${this.t('case_projection')} (reported_at) include (category_code, grid_code, status)`);
  }

  override down(): void {
    this.addSql(`drop index if exists ${this.t('case_projection_reported_idx')}`);
    for (const table of ['candidate', 'candidate_scan', 'candidate_rule']) this.addSql(`drop table if exists ${this.t(table)}`);
  }
}
