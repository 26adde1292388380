import { SchemaMigration } from '@gridline/persistence';

/**
 * The public grid lookup: a post's published work phone on the assignment, and an index for the address match
 * (the building address normalised as the lookup normalises its query: NFKC, lower case, no spaces or punctuation).
 */
export class PublicGridLookupMigration extends SchemaMigration {
  static readonly migrationName = '20261201002100_public_grid_lookup';

  up(): void {
    this.addSql(`alter table ${this.t('assignment')} add column work_phone text null`);
    this.addExtension('pg_trgm');
    this.addSql(`create index building_address_search_idx on ${this.t('building')}
      using gin ((regexp_replace(lower(normalize(address, NFKC)), '[[:space:][:punct:]]', '', 'g')) gin_trgm_ops)`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."building_address_search_idx"`);
    this.addSql(`alter table ${this.t('assignment')} drop column if exists work_phone`);
  }
}
