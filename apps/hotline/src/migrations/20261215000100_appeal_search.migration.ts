import { SchemaMigration } from '@gridline/persistence';

/**
 * Trigram indexes for the list's substring search (`q`: `content like … or address like …`, appealFilters), which must
 * work for Chinese text: without them a term that is rare in the table is searched by walking every appeal newest
 * first, and its count by reading the whole table (docs/BENCHMARKS.md, "Appeals at city size"). One index a column:
 * the two LIKEs are read as one BitmapOr, and the query stays as it is.
 */
export class HotlineAppealSearchMigration extends SchemaMigration {
  static readonly migrationName = '20261215000100_appeal_search';

  up(): void {
    this.addExtension('pg_trgm');
    this.addSql(`create index appeal_content_trgm_idx on ${this.t('appeal')} using gin (content gin_trgm_ops)`);
    this.addSql(`create index appeal_address_trgm_idx on ${this.t('appeal')} using gin (address gin_trgm_ops)`);
    // A finer sample of the searched text: with the default (100), a rare term is expected in 1% of the appeals, and
    // the street's page walks the newest appeals through a BitmapOr's worth of rows instead of reading the bitmap.
    this.addSql(`alter table ${this.t('appeal')} alter column content set statistics 1000, alter column address set statistics 1000`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('appeal')} alter column content set statistics -1, alter column address set statistics -1`);
    this.addSql(`drop index if exists "${this.schema}"."appeal_address_trgm_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."appeal_content_trgm_idx"`);
  }
}
