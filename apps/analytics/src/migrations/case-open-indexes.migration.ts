import { SchemaMigration } from '@gridline/persistence';

const DEPTHS = [1, 2, 3];

/**
 * What was open (and overdue) at a period's end, without reading the whole history before it: the cases (steps) still
 * open now, from a partial index of them, plus those finished (ended) since the period's end, from an index by the
 * finishing time — both small for recent periods, whatever the history's length.
 */
export class CaseOpenIndexesMigration extends SchemaMigration {
  static readonly migrationName = '20261201151000_case_open_indexes';

  up(): void {
    for (const d of DEPTHS) {
      this.addSql(`create index case_projection_u${d}_open_idx on ${this.t('case_projection')} ((unit_path[${d}]), reported_at) where finished_at is null`);
      this.addSql(`create index case_projection_u${d}_finished_idx on ${this.t('case_projection')} ((unit_path[${d}]), finished_at) include (reported_at) where finished_at is not null`);
      this.addSql(`create index case_step_u${d}_open_idx on ${this.t('case_step')} ((unit_path[${d}]), due_at) include (started_at, incident_id) where ended_at is null`);
    }
    this.addSql(`create index case_projection_dept_open_idx on ${this.t('case_projection')} (owner_code, reported_at) where owner_kind = 'department' and finished_at is null`);
    this.addSql(`create index case_projection_dept_finished_idx on ${this.t('case_projection')} (owner_code, finished_at) include (reported_at) where owner_kind = 'department' and finished_at is not null`);
    this.addSql(`create index case_step_dept_open_idx on ${this.t('case_step')} (department_code, due_at) include (started_at, incident_id) where department_code is not null and ended_at is null`);
  }

  override down(): void {
    const names = [...DEPTHS.flatMap((d) => [`case_projection_u${d}_open_idx`, `case_projection_u${d}_finished_idx`, `case_step_u${d}_open_idx`]), 'case_projection_dept_open_idx', 'case_projection_dept_finished_idx', 'case_step_dept_open_idx'];
    for (const name of names) this.addSql(`drop index if exists "${this.schema}"."${name}"`);
  }
}
