import { SchemaMigration } from '@gridline/persistence';

/**
 * The 3+N detection rules belong to a street: `candidate_rule.street_code`, keyed with the category. The rules kept so
 * far become the platform default (`*`), which every street without rules of its own uses.
 */
export class CandidateRuleStreetMigration extends SchemaMigration {
  static readonly migrationName = '20261201183000_candidate_rule_street';

  up(): void {
    this.addSql(`alter table ${this.t('candidate_rule')} add column street_code text not null default '*'`);
    this.addSql(`alter table ${this.t('candidate_rule')} alter column street_code drop default`);
    this.addSql(`alter table ${this.t('candidate_rule')} drop constraint candidate_rule_pkey`);
    this.addSql(`alter table ${this.t('candidate_rule')} add constraint candidate_rule_pkey primary key (street_code, category_code)`);
  }

  override down(): void {
    this.addSql(`delete from ${this.t('candidate_rule')} where street_code <> '*'`);
    this.addSql(`alter table ${this.t('candidate_rule')} drop constraint candidate_rule_pkey`);
    this.addSql(`alter table ${this.t('candidate_rule')} drop column street_code`);
    this.addSql(`alter table ${this.t('candidate_rule')} add constraint candidate_rule_pkey primary key (category_code)`);
  }
}
