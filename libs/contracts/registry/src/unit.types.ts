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

/** Code length per level, CJ/T 349 style: 6-digit administrative code + 3 street + 3 community + 3 grid. */
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
  boundary: UnitBoundary | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type UnitSummary = Pick<UnitView, 'code' | 'name' | 'level'>;

export interface LocateResult {
  grid: UnitSummary & { kind: ExclusiveGridKind | null };
  community: UnitSummary | null;
  street: UnitSummary;
}
