import { SchemaMigration } from '@gridline/persistence';

/** Returns and objections reviewed by the dispatcher: the request and its decision on the appeal. */
export class HotlineReviewMigration extends SchemaMigration {
  static readonly migrationName = '20261205001000_appeal_review';

  up(): void {
    this.addSql(`alter table ${this.t('appeal')} add column review jsonb null`);
    // The dispatcher's work queue: the returns and objections waiting for a decision.
    this.addSql(`create index appeal_pending_review_idx on ${this.t('appeal')} ((review->>'kind'), received_at desc) where review->>'status' = 'pending'`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."appeal_pending_review_idx"`);
    this.addSql(`alter table ${this.t('appeal')} drop column review`);
  }
}
