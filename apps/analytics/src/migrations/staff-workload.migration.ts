import { SchemaMigration } from '@gridline/persistence';

const DEPTHS = [1, 2, 3];

/**
 * The staff workload (`analytics.workload.get`): who reported each case (`case_projection.reported_by`) and who ended
 * each step (`case_step.ended_actor`), folded from the events' `actor`; each household visit logged, by visitor
 * (`visit_log`, from `events.incidents.visit.logged`); the platform login linked to a party member
 * (`party_member.account`) and the member of each service record (`party_service.member_id`). Per depth of the path,
 * a covering index for each count's range over the unit and the period. Rows folded before have no actor until their
 * case's next event (or a rebuild): they count for nobody.
 */
export class StaffWorkloadMigration extends SchemaMigration {
  static readonly migrationName = '20261201173000_staff_workload';

  up(): void {
    this.addSql(`alter table ${this.t('case_projection')} add column reported_by text null`);
    this.addSql(`alter table ${this.t('case_step')} add column ended_actor text null`);
    this.addSql(`create table ${this.t('visit_log')} (
      visit_id text primary key,
      visitor text not null,
      grid_code text not null,
      unit_path text[] not null,
      day date not null
    )`);
    this.addSql(`alter table ${this.t('party_member')} add column account text null`);
    this.addSql(`alter table ${this.t('party_service')} add column member_id text null`);
    this.addSql(`create index party_member_account_idx on ${this.t('party_member')} (member_id) include (account) where account is not null`);
    for (const d of DEPTHS) {
      this.addSql(`create index case_projection_u${d}_reporter_idx on ${this.t('case_projection')} ((unit_path[${d}]), reported_at) include (reported_by)`);
      this.addSql(`create index case_step_u${d}_handled_idx on ${this.t('case_step')} ((unit_path[${d}]), ended_at) include (ended_actor, on_time) where step = 'handle' and ended_by = 'handled'`);
      this.addSql(`create index visit_log_u${d}_idx on ${this.t('visit_log')} ((unit_path[${d}]), day) include (visitor)`);
      this.addSql(`create index party_service_u${d}_approved_idx on ${this.t('party_service')} ((unit_path[${d}]), day) include (member_id, hours) where status = 'approved'`);
    }
  }

  override down(): void {
    for (const d of DEPTHS) {
      for (const name of [`case_projection_u${d}_reporter_idx`, `case_step_u${d}_handled_idx`, `party_service_u${d}_approved_idx`]) this.addSql(`drop index if exists "${this.schema}"."${name}"`);
    }
    this.addSql(`drop index if exists "${this.schema}"."party_member_account_idx"`);
    this.addSql(`drop table if exists ${this.t('visit_log')}`);
    this.addSql(`alter table ${this.t('party_service')} drop column if exists member_id`);
    this.addSql(`alter table ${this.t('party_member')} drop column if exists account`);
    this.addSql(`alter table ${this.t('case_step')} drop column if exists ended_actor`);
    this.addSql(`alter table ${this.t('case_projection')} drop column if exists reported_by`);
  }
}
