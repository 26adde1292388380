/** The levels of the grid map (DOMAIN.md). */
export const UNIT_LEVELS = ['street', 'community', 'grid', 'exclusive_grid'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** What an exclusive grid serves. */
export const EXCLUSIVE_GRID_KINDS = ['commercial', 'enterprise', 'school', 'hospital', 'other'] as const;
export type ExclusiveGridKind = (typeof EXCLUSIVE_GRID_KINDS)[number];

export type Position = [number, number];

/** A GeoJSON Polygon or MultiPolygon (RFC 7946), longitude first, WGS 84. */
export type UnitBoundary =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Which parent levels each level accepts. */
export const ALLOWED_PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[] | null> = {
  street: null,
  community: ['street'],
  grid: ['community'],
  exclusive_grid: ['community', 'street'],
};

/**
 * Code length per level. The scheme is the statistical division code's (统计用区划代码) shape: the 6-digit county
 * code of GB/T 2260, + 3 digits for the street as a township-level unit (GB/T 10114), + 3 for the community as a
 * village-level unit (residents' committee), + the project's own 3-digit grid sequence (no national standard
 * numbers grids). It is not CJ/T 349, whose codes for digital urban management grids are longer.
 */
export const UNIT_CODE_LENGTH: Record<UnitLevel, number> = {
  street: 9,
  community: 12,
  grid: 15,
  exclusive_grid: 15,
};

/** A unit as the registry returns it. */
export interface UnitView {
  code: string;
  name: string;
  level: UnitLevel;
  /** Only for exclusive grids. */
  kind: ExclusiveGridKind | null;
  parentCode: string | null;
  /** Codes from the street down to this unit. */
  path: string[];
  /**
   * The unit's code in the 12-digit statistical division code (township and village level, as the National Bureau
   * of Statistics publishes it): a street's 9 digits + "000", a community's own 12 digits; null for grids, which
   * no national standard numbers (`standardCodeOf`).
   */
  standardCode: string | null;
  boundary: UnitBoundary | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * The 12-digit statistical division code of a unit (统计用区划代码: GB/T 2260 county + GB/T 10114 township + 3-digit
 * village level), for exchanges that need a standard code: a street's code padded with "000" (the township level),
 * a community's code as it is (the village level); null for a grid or an exclusive grid. It is the official code
 * only when the street registered its units with their official numbers, which the registry cannot check.
 */
export function standardCodeOf(code: string, level: UnitLevel): string | null {
  switch (level) {
    case 'street':
      return `${code}000`;
    case 'community':
      return code;
    case 'grid':
    case 'exclusive_grid':
      return null;
  }
}

export type UnitSummary = Pick<UnitView, 'code' | 'name' | 'level'>;

export interface LocateResult {
  grid: UnitSummary & { kind: ExclusiveGridKind | null };
  community: UnitSummary | null;
  street: UnitSummary;
}
