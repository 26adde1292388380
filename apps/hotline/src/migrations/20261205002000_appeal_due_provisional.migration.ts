import { SchemaMigration } from '@gridline/persistence';

/** Whether an appeal's answer-by date was counted through a provisional calendar year (its notice not loaded). */
export class HotlineDueProvisionalMigration extends SchemaMigration {
  static readonly migrationName = '20261205002000_appeal_due_provisional';

  up(): void {
    this.addSql(`alter table ${this.t('appeal')} add column due_provisional boolean not null default false`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('appeal')} drop column due_provisional`);
  }
}
