import { SchemaMigration } from '@gridline/persistence';

/** The depths of a unit in a path (street 1, community or exclusive grid 2, grid 3): one index per depth. */
const DEPTHS = [1, 2, 3];

/**
 * The case projection (`analytics-cases`, from `events.incidents.incident.>`): every incident event as it came
 * (`case_event`, keyed by the event's id, append-only), and what is folded from a case's events each time one
 * arrives — its newest state and milestones (`case_projection`), each occurrence of a step with its due time and
 * whether it ended on time (`case_step`), and the dated facts the figures count (`case_fact`). Indexed for a year of
 * a million cases: each figure is an index range over the unit's column of the path (`unit_path[depth]`) or the
 * department, and the period.
 */
export class CaseProjectionMigration extends SchemaMigration {
  static readonly migrationName = '20261201150000_case_projection';

  up(): void {
    this.addSql(`create table ${this.t('case_event')} (
      event_id text primary key,
      incident_id text not null,
      type text not null,
      at timestamptz not null,
      data jsonb not null
    )`);
    this.addSql(`create index case_event_incident_idx on ${this.t('case_event')} (incident_id)`);
    this.addSql(`create table ${this.t('case_projection')} (
      incident_id text primary key,
      status text not null,
      grid_code text not null,
      unit_path text[] not null,
      category_code text not null,
      urgency text not null,
      source text not null,
      owner_kind text null,
      owner_code text null,
      step text null,
      due_at timestamptz null,
      card text not null,
      reported_at timestamptz null,
      accepted_at timestamptz null,
      rejected_at timestamptz null,
      dispatched_at timestamptz null,
      signed_at timestamptz null,
      handled_at timestamptz null,
      verified_at timestamptz null,
      closed_at timestamptz null,
      finished_at timestamptz null,
      evaluated_at timestamptz null,
      rating smallint null,
      warnings int not null,
      yellow_cards int not null,
      red_cards int not null,
      returns int not null,
      reworks int not null,
      extensions int not null,
      handling_hours numeric(10, 2) null,
      last_event_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('case_step')} (
      incident_id text not null,
      seq int not null,
      step text not null,
      unit_path text[] not null,
      department_code text null,
      started_at timestamptz not null,
      due_at timestamptz null,
      ended_at timestamptz null,
      ended_by text null,
      counted boolean not null,
      on_time boolean null,
      extended boolean not null,
      primary key (incident_id, seq)
    )`);
    this.addSql(`create table ${this.t('case_fact')} (
      incident_id text not null,
      seq int not null,
      kind text not null,
      at timestamptz not null,
      unit_path text[] not null,
      department_code text null,
      value numeric(10, 2) null,
      primary key (incident_id, seq)
    )`);
    for (const d of DEPTHS) {
      this.addSql(`create index case_projection_u${d}_reported_idx on ${this.t('case_projection')} ((unit_path[${d}]), reported_at) include (finished_at)`);
      this.addSql(`create index case_step_u${d}_ended_idx on ${this.t('case_step')} ((unit_path[${d}]), ended_at) include (step, counted, on_time)`);
      this.addSql(`create index case_step_u${d}_due_idx on ${this.t('case_step')} ((unit_path[${d}]), due_at) include (step, started_at, ended_at, counted)`);
      this.addSql(`create index case_projection_u${d}_closed_idx on ${this.t('case_projection')} ((unit_path[${d}]), closed_at) include (returns, reworks, extensions, handling_hours) where closed_at is not null`);
      this.addSql(`create index case_fact_u${d}_idx on ${this.t('case_fact')} ((unit_path[${d}]), at) include (kind, value)`);
    }
    this.addSql(`create index case_projection_dept_reported_idx on ${this.t('case_projection')} (owner_code, reported_at) include (finished_at) where owner_kind = 'department'`);
    this.addSql(`create index case_projection_dept_closed_idx on ${this.t('case_projection')} (owner_code, closed_at) include (returns, reworks, extensions, handling_hours) where owner_kind = 'department' and closed_at is not null`);
    this.addSql(`create index case_step_dept_ended_idx on ${this.t('case_step')} (department_code, ended_at) include (step, counted, on_time) where department_code is not null`);
    this.addSql(`create index case_step_dept_due_idx on ${this.t('case_step')} (department_code, due_at) include (step, started_at, ended_at, counted) where department_code is not null`);
    this.addSql(`create index case_fact_dept_idx on ${this.t('case_fact')} (department_code, at) include (kind, value) where department_code is not null`);
  }

  override down(): void {
    for (const table of ['case_fact', 'case_step', 'case_projection', 'case_event']) this.addSql(`drop table if exists ${this.t(table)}`);
  }
}
