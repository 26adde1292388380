import { SchemaMigration } from '@gridline/persistence';

/**
 * A grid's residents in the list's order (created_at, id), for a grid member's resident list, which is scoped by
 * `grid_code` (RegisterRepository): its page and its count read this index alone instead of a bitmap of the path
 * index over every resident of the grid, sorted (docs/BENCHMARKS.md, "Residents: lookups at city size"). Buildings and
 * households need none: their unique (grid_code, address…) indexes already serve their lists' order.
 */
export class ResidentGridScopeMigration extends SchemaMigration {
  static readonly migrationName = '20261215000200_resident_grid_scope';

  up(): void {
    this.addSql(`create index resident_grid_created_idx on ${this.t('resident')} (grid_code, created_at, id)`);
  }

  override down(): void {
    this.addSql(`drop index if exists "${this.schema}"."resident_grid_created_idx"`);
  }
}
