import { SchemaMigration } from '@gridline/persistence';

/**
 * A grid's residents in the list's order (created_at, id), for a grid member's resident list, which is scoped by
 * `grid_code` (RegisterRepository): its page and its count read this index alone instead of a bitmap of the path
 * index over every resident of the grid, sorted (docs/BENCHMARKS.md, "Residents: lookups at city size"); and the list's
 * order alone for the other callers. Buildings and households need none: their unique (grid_code, address…) indexes
 * already serve their lists' order.
 */
export class ResidentGridScopeMigration extends SchemaMigration {
  static readonly migrationName = '20261215000200_resident_grid_scope';

  up(): void {
    this.addSql(`create index resident_grid_created_idx on ${this.t('resident')} (grid_code, created_at, id)`);
    // Everybody else's list (a community, a street: scoped by the path) in the same order, walked and filtered
    // instead of every resident of the scope sorted (500 000 for a street: 250 ms).
    this.addSql(`create index resident_created_idx on ${this.t('resident')} (created_at, id)`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."resident_created_idx"`);
    this.addSql(`drop index if exists "${this.schema}"."resident_grid_created_idx"`);
  }
}
