import { SchemaMigration } from '@gridline/persistence';

/** Rankings group beneath a street (depth 1) or a community (depth 2). */
const DEPTHS = [1, 2];

/**
 * The rankings: each street's weights of the composite score (`ranking_weights`) and every change of them
 * (`ranking_weights_change`: who, when, from what to what — the audit of the PUT), and covering indexes for the
 * grouped ranking queries — each part one index range over the unit's column of the path and the period, carrying
 * the path (the unit beneath it is grouped by) and the department, so a street's year is read from the index only.
 */
export class RankingMigration extends SchemaMigration {
  static readonly migrationName = '20261201171000_ranking';

  up(): void {
    this.addSql(`create table ${this.t('ranking_weights')} (
      street text primary key,
      on_time numeric(10, 4) not null,
      resolution numeric(10, 4) not null,
      satisfaction numeric(10, 4) not null,
      rework numeric(10, 4) not null,
      updated_by text not null,
      updated_at timestamptz not null
    )`);
    this.addSql(`create table ${this.t('ranking_weights_change')} (
      id bigserial primary key,
      street text not null,
      at timestamptz not null default now(),
      actor text not null,
      actor_roles text[] not null,
      previous jsonb null,
      weights jsonb not null,
      correlation_id text null
    )`);
    this.addSql(`create index ranking_weights_change_street_idx on ${this.t('ranking_weights_change')} (street, at desc)`);
    for (const d of DEPTHS) {
      this.addSql(`create index case_step_u${d}_rank_ended_idx on ${this.t('case_step')} ((unit_path[${d}]), ended_at) include (step, on_time, unit_path, department_code) where counted`);
      this.addSql(`create index case_step_u${d}_rank_due_idx on ${this.t('case_step')} ((unit_path[${d}]), due_at) include (step, ended_at, unit_path, department_code) where due_at is not null`);
      this.addSql(`create index case_projection_u${d}_rank_accepted_idx on ${this.t('case_projection')} ((unit_path[${d}]), accepted_at) include (closed_at, unit_path, owner_kind, owner_code) where accepted_at is not null`);
      this.addSql(`create index case_projection_u${d}_rank_closed_idx on ${this.t('case_projection')} ((unit_path[${d}]), closed_at) include (reworks, unit_path, owner_kind, owner_code) where closed_at is not null`);
      this.addSql(`create index case_fact_u${d}_rank_evaluated_idx on ${this.t('case_fact')} ((unit_path[${d}]), at) include (value, unit_path, department_code) where kind = 'evaluated'`);
    }
    // Every department's cases accepted in a period (the department league of a department's handler).
    this.addSql(`create index case_projection_dept_accepted_idx on ${this.t('case_projection')} (owner_code, accepted_at) include (closed_at) where owner_kind = 'department' and accepted_at is not null`);
  }

  override down(): void {
    for (const d of DEPTHS) {
      for (const index of [`case_step_u${d}_rank_ended_idx`, `case_step_u${d}_rank_due_idx`, `case_projection_u${d}_rank_accepted_idx`, `case_projection_u${d}_rank_closed_idx`, `case_fact_u${d}_rank_evaluated_idx`]) {
        this.addSql(`drop index if exists "${this.schema}"."${index}"`);
      }
    }
    this.addSql(`drop index if exists "${this.schema}"."case_projection_dept_accepted_idx"`);
    for (const table of ['ranking_weights_change', 'ranking_weights']) this.addSql(`drop table if exists ${this.t(table)}`);
  }
}
