import { SchemaMigration } from '@gridline/persistence';

/** The 3+N detector reads the 12345 appeals beside the cases: the appeals of the last weeks by reception, with what it groups by. */
export class CandidateAppealsMigration extends SchemaMigration {
  static readonly migrationName = '20261201175000_candidate_appeals';

  up(): void {
    this.addSql(`create index appeal_projection_received_idx on ${this.t('appeal_projection')} (received_at) include (category_code, grid_code, status)`);
  }

  override down(): void {
    this.addSql(`drop index if exists ${this.t('appeal_projection_received_idx')}`);
  }
}
