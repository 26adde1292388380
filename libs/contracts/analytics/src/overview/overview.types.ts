/** Counts of units in the caller's scope (GET /api/v1/analytics/overview). */
export interface OverviewView {
  streets: number;
  communities: number;
  grids: number;
  exclusiveGrids: number;
}

/** Basic-information collection quality over the grids in the caller's scope (GET /api/v1/analytics/collection). */
export interface CollectionQualityView {
  /** Grids that reported figures. */
  grids: number;
  buildings: number;
  households: number;
  residents: number;
  /** Mean completeness (0–1) over those grids. */
  averageCompleteness: number;
  /** The grids of lowest completeness first (at most 10). */
  weakestGrids: { gridCode: string; completeness: number; residents: number }[];
  lastUpdatedAt: string | null;
}
