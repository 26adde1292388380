import type { UnitLevel } from '@gridline/contracts-registry';
import type { OrganisationLevel } from '../organisations/organisation.types';

/** A grid (or exclusive grid) of the map as the coverage names it. */
export interface CoverageGrid {
  unitCode: string;
  unitName: string | null;
  level: UnitLevel;
}

/** A branch (支部) or joint branch (联合党支部) as the coverage names it. */
export interface CoverageBranch {
  organisationId: string;
  name: string;
  level: OrganisationLevel;
  unitCode: string;
  unitName: string | null;
}

/** Who directs a community grid centre (书记抓、抓书记): the community committee's current secretary. */
export interface GridCentreDirector {
  officerId: string;
  memberId: string;
  /** Masked (null for a member the caller may not read). */
  memberName: string | null;
}

/** One community: the share of its active grids with an active branch, and who directs its grid centre. */
export interface CommunityCoverage {
  unitCode: string;
  unitName: string | null;
  grids: number;
  covered: number;
  /** covered / grids, to four places; null for a community without active grids. */
  share: number | null;
  /** The community's active party committee or general branch (null: none). */
  committeeId: string | null;
  /** Null: nobody directs the grid centre (no committee, no current secretary, or the secretary does not). */
  gridCentreDirector: GridCentreDirector | null;
}

/**
 * GET /api/v1/party/coverage (一网格一支部): which active grids have no active branch, which branches are bound to
 * an inactive grid or have no current secretary, and the share covered per community — all cut to the caller's
 * scope (and to the unit asked for).
 */
export interface CoverageView {
  /** The unit asked for (null: the caller's whole scope). */
  unitCode: string | null;
  grids: number;
  covered: number;
  share: number | null;
  gridsWithoutBranch: CoverageGrid[];
  branchesOnInactiveGrids: CoverageBranch[];
  branchesWithoutSecretary: CoverageBranch[];
  communities: CommunityCoverage[];
}
