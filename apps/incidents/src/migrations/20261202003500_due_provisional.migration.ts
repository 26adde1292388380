import { SchemaMigration } from '@gridline/persistence';

/** Whether a case's current due time was counted through a provisional calendar year (its notice not loaded). */
export class DueProvisionalMigration extends SchemaMigration {
  static readonly migrationName = '20261202003500_incident_due_provisional';

  up(): void {
    this.addSql(`alter table ${this.t('incident')} add column due_provisional boolean not null default false`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('incident')} drop column due_provisional`);
  }
}
