import { SchemaMigration } from '@gridline/persistence';

const DEPTHS = [1, 2, 3];

/**
 * Indexes nothing reads since the figures and rankings sum the roll-ups (`projection/rollups.ts`,
 * `appeal-rollups.ts`): each still cost every fold a write. The red cards of the monthly report, which read the
 * facts of kind `red`, get a partial index of their own in place of the facts' index by unit and time.
 */
export class UnreadIndexesMigration extends SchemaMigration {
  static readonly migrationName = '20261202110000_unread_indexes';

  private static readonly DROPPED = [
    ...DEPTHS.flatMap((d) => [
      `case_fact_u${d}_idx`,
      `case_fact_u${d}_rank_evaluated_idx`,
      `case_step_u${d}_ended_idx`,
      `case_step_u${d}_rank_ended_idx`,
      `case_step_u${d}_rank_due_idx`,
      `case_projection_u${d}_reported_idx`,
      `case_projection_u${d}_open_idx`,
      `case_projection_u${d}_finished_idx`,
      `case_projection_u${d}_rank_accepted_idx`,
      `case_projection_u${d}_rank_closed_idx`,
    ]),
    ...[1, 2].map((d) => `appeal_projection_u${d}_rank_closed_idx`),
    'case_fact_dept_idx',
    'case_step_dept_ended_idx',
    'case_projection_dept_reported_idx',
    'case_projection_dept_open_idx',
    'case_projection_dept_finished_idx',
    'case_projection_dept_accepted_idx',
    'appeal_projection_lead_closed_idx',
    'appeal_projection_lead_received_idx',
  ];

  up(): void {
    for (const d of DEPTHS) this.addSql(`create index case_fact_u${d}_red_idx on ${this.t('case_fact')} ((unit_path[${d}]), at) include (incident_id) where kind = 'red'`);
    for (const name of UnreadIndexesMigration.DROPPED) this.addSql(`drop index if exists "${this.schema}"."${name}"`);
  }

  override down(): void {
    // The dropped indexes are those of the earlier migrations: run their `up` again to have them back.
    for (const d of DEPTHS) this.addSql(`drop index if exists "${this.schema}"."case_fact_u${d}_red_idx"`);
  }
}
