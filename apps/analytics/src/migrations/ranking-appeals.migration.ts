import { SchemaMigration } from '@gridline/persistence';

/** Rankings group beneath a street (depth 1) or a community (depth 2). */
const DEPTHS = [1, 2];

/**
 * The rankings' satisfaction counts the 12345 appeals closed in the period with the caller's rating: per depth of the
 * place's path, and per lead department, an index range by closure carrying the rating, the path and the lead owner.
 */
export class RankingAppealsMigration extends SchemaMigration {
  static readonly migrationName = '20261201175000_ranking_appeals';

  up(): void {
    for (const d of DEPTHS) {
      this.addSql(`create index appeal_projection_u${d}_rank_closed_idx on ${this.t('appeal_projection')} ((unit_path[${d}]), closed_at) include (satisfaction, unit_path, lead_kind, lead_code) where closed_at is not null`);
    }
    this.addSql(`create index appeal_projection_lead_closed_idx on ${this.t('appeal_projection')} (lead_code, closed_at) include (satisfaction) where lead_kind = 'department' and closed_at is not null`);
  }

  override down(): void {
    for (const index of [...DEPTHS.map((d) => `appeal_projection_u${d}_rank_closed_idx`), 'appeal_projection_lead_closed_idx']) this.addSql(`drop index if exists "${this.schema}"."${index}"`);
  }
}
