import { SchemaMigration } from '@gridline/persistence';

/**
 * A case's work order (工单号) in the projection: incidents' events carry it from 2026-12-01 (`workOrder`), and the
 * monthly report names its red-carded cases by it. Cases folded before have none until their next event (or a rebuild).
 */
export class CaseWorkOrderMigration extends SchemaMigration {
  static readonly migrationName = '20261201170000_case_work_order';

  up(): void {
    this.addSql(`alter table ${this.t('case_projection')} add column work_order text null`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('case_projection')} drop column if exists work_order`);
  }
}
