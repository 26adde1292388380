import { SchemaMigration } from '@gridline/persistence';

/**
 * A person's login account (`person.account`, a token's subject), when they log in: what ties the work their login
 * did on the platform to the person (the staff workload); one person per account.
 */
export class PersonAccountsMigration extends SchemaMigration {
  static readonly migrationName = '20261213000000_person_accounts';

  up(): void {
    this.addSql(`alter table ${this.t('person')} add column account text null`);
    this.addSql(`create unique index person_account_idx on ${this.t('person')} (account) where account is not null`);
    // The grid staff's snapshot pages through the grid staff assignments by id.
    this.addSql(`create index assignment_grid_staff_idx on ${this.t('assignment')} (id) where role = 'grid_staff'`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."assignment_grid_staff_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."person_account_idx"`);
    this.addSql(`alter table ${this.t('person')} drop column if exists account`);
  }
}
