import { SchemaMigration } from '@gridline/persistence';

/** The details a report of a category carries (Open311 service attributes). */
export class CategoryDetailsMigration extends SchemaMigration {
  static readonly migrationName = '20261201000100_category_details';

  up(): void {
    this.addSql(`alter table ${this.t('category')} add column details jsonb not null default '[]'::jsonb`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('category')} drop column if exists details`);
  }
}
