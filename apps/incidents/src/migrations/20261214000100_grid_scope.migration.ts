import { SchemaMigration } from '@gridline/persistence';

/** The expression of the substring search, as the list's LIKE writes it (incidentFilters) and incident_search_trgm_idx indexes it. */
const SEARCH_TEXT = `(title || ' ' || description || ' ' || coalesce(address, ''))`;

/**
 * Indexes led by the case's grid, for the lists of a grid member (scope `grid_code`, incidentScopeSql) over tens of
 * millions of cases (docs/BENCHMARKS.md, "Incidents at city size"): a grid's overdue cases, its newest, its newest of
 * a status, and the substring search within it. No backfill: `grid_code` is there since the first migration (not null), set on every
 * report to the last unit of the case's path, and neither changes afterwards.
 */
export class IncidentGridScopeMigration extends SchemaMigration {
  static readonly migrationName = '20261214000100_incident_grid_scope';

  up(): void {
    // due_at is null once no step runs: the overdue test (due_at < now()) implies the predicate.
    this.addSql(`create index incident_grid_due_idx on ${this.t('incident')} (grid_code, due_at) where due_at is not null`);
    // The list's order (created_at desc, id desc) within one grid, and within one status of a grid (the board's columns).
    this.addSql(`create index incident_grid_created_idx on ${this.t('incident')} (grid_code, created_at desc, id desc)`);
    this.addSql(`create index incident_grid_status_idx on ${this.t('incident')} (grid_code, status, created_at desc, id desc)`);
    // btree_gin: the grid's code in the trigram index, so that a grid's search reads only that grid's postings.
    this.addExtension('btree_gin');
    this.addSql(`create index incident_grid_search_trgm_idx on ${this.t('incident')} using gin (grid_code, ${SEARCH_TEXT} gin_trgm_ops)`);
    this.addSql(`alter index "${this.schema}"."incident_grid_search_trgm_idx" alter column 2 set statistics 1000`);
    // The reporter's own cases in the list's order (the scope's second arm), in place of the plain reporter index.
    this.addSql(`create index incident_reporter_created_idx on ${this.t('incident')} (reporter, created_at desc, id desc)`);
    this.addSql(`drop index if exists "${this.schema}"."incident_reporter_idx"`);
    // Reporters are many and few report much: with the default 100 most common values, a reporter outside them is
    // expected to have the average share of the cases, and their arm is read as a bitmap ANDed with the street's
    // matches of a search instead of their own few cases in order.
    this.addSql(`alter table ${this.t('incident')} alter column reporter set statistics 1000`);
  }

  override down(): void {
    this.addSql(`alter table ${this.t('incident')} alter column reporter set statistics -1`);
    this.addSql(`create index if not exists incident_reporter_idx on ${this.t('incident')} (reporter)`);
    this.addSql(`drop index if exists "${this.schema}"."incident_reporter_created_idx"`);
    for (const index of ['incident_grid_search_trgm_idx', 'incident_grid_status_idx', 'incident_grid_created_idx', 'incident_grid_due_idx']) this.addSql(`drop index if exists "${this.schema}"."${index}"`);
  }
}
