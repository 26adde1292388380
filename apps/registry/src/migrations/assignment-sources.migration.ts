import { SchemaMigration } from '@gridline/persistence';

/**
 * People and assignments the registry makes from another service's records (an in-service party member's approved
 * registration): `source` names the record, once — a redelivered event finds its assignment, a member registered
 * again finds their person.
 */
export class AssignmentSourcesMigration extends SchemaMigration {
  static readonly migrationName = '20261210003500_assignment_sources';

  up(): void {
    this.addSql(`alter table ${this.t('person')} add column source text null`);
    this.addSql(`alter table ${this.t('assignment')} add column source text null`);
    this.addSql(`create unique index person_source_idx on ${this.t('person')} (source) where source is not null`);
    this.addSql(`create unique index assignment_source_idx on ${this.t('assignment')} (source) where source is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."assignment_source_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."person_source_idx"`);
    this.addSql(`alter table ${this.t('assignment')} drop column if exists source`);
    this.addSql(`alter table ${this.t('person')} drop column if exists source`);
  }
}
