import { SchemaMigration } from '@gridline/persistence';

/** Attendance recorded from an activity's sign-in sheet after the activity: who recorded it, on the sign-up. */
export class PartyActivityAttendanceSheetMigration extends SchemaMigration {
  static readonly migrationName = '20261210008500_activity_attendance_sheet';

  up(): void {
    this.addSql(`alter table ${this.t('activity_sign_up')} add column recorded_by text null`);
  }
}
