import { SchemaMigration } from '@gridline/persistence';

/**
 * The snapshot's order (`party-building.figures.snapshot`): each record by its creation, then id — a check-in by its
 * time — so that every page is read from the indexes after its cursor, however deep.
 */
export class PartySnapshotOrderMigration extends SchemaMigration {
  static readonly migrationName = '20261210009000_snapshot_order';

  up(): void {
    for (const table of ['organisation', 'member', 'registration', 'activity', 'service_record']) {
      this.addSql(`create index ${table}_created_idx on ${this.t(table)} (created_at, id)`);
    }
    this.addSql(`create index activity_sign_up_attended_idx on ${this.t('activity_sign_up')} (attended_at, id) where attended_at is not null`);
  }

  override down(): void {
    for (const name of ['organisation_created_idx', 'member_created_idx', 'registration_created_idx', 'activity_created_idx', 'service_record_created_idx', 'activity_sign_up_attended_idx']) {
      this.addSql(`drop index if exists "${this.schema}"."${name}"`);
    }
  }
}
