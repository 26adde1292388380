import type { ExclusiveGridKind, UnitLevel } from '../unit.types';

/** The most grids an address lookup answers. */
export const PUBLIC_GRID_MAX_CANDIDATES = 5;

/** A unit as the public sees it: its code and name. */
export interface PublicUnitView {
  code: string;
  name: string;
}

/** A grid member as the public sees them: the name and the post's published work phone — nothing personal. */
export interface PublicGridMemberView {
  name: string;
  role: 'grid_staff';
  /** Published deliberately with the assignment (`workPhone`); null when none was given. Never the personal phone. */
  workPhone: string | null;
}

/** One grid found for a point or an address. */
export interface PublicGridView {
  grid: PublicUnitView & { level: Extract<UnitLevel, 'grid' | 'exclusive_grid'>; kind: ExclusiveGridKind | null };
  community: PublicUnitView | null;
  street: PublicUnitView;
  /** The grid's current grid staff. */
  staff: PublicGridMemberView[];
  /** For an address lookup: the building addresses of this grid that matched (at most 3). */
  matchedAddresses?: string[];
  /** The grid's party branch: the registry answers null; the gateway's lookup fills it in from party building. */
  partyBranch: null;
  /**
   * The nearest red station (红色驿站): the registry answers null; the gateway's lookup fills it in from party building
   * (GET /api/v1/public/grid for a point).
   */
  redStation: null;
}

/** The answer of the public lookup: one grid for a point, up to PUBLIC_GRID_MAX_CANDIDATES for an address. */
export interface PublicGridResult {
  grids: PublicGridView[];
}
