import { SchemaMigration } from '@gridline/persistence';

/** The day each household was last visited, kept from the incidents service's `visit.logged` events. */
export class HouseholdVisitsMigration extends SchemaMigration {
  static readonly migrationName = '20261128000200_household_visits';

  up(): void {
    this.addSql(`create table ${this.t('household_visit')} (
      household_id uuid primary key references ${this.t('household')} (id) on delete cascade,
      last_visited_on date not null
    )`);
    this.addSql(`create index household_visit_day_idx on ${this.t('household_visit')} (last_visited_on)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('household_visit')}`);
  }
}
