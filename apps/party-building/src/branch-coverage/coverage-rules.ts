import type { UnitLevel } from '@gridline/contracts-registry';
import type { CommunityCoverage, CoverageBranch, CoverageView, GridCentreDirector, OrganisationLevel } from '@gridline/contracts-party-building';

export interface CoverageInput {
  unitCode: string | null;
  /** The active grids and exclusive grids in scope. */
  grids: readonly { code: string; name: string | null; level: UnitLevel; path: readonly string[] }[];
  /** The active communities in scope. */
  communities: readonly { code: string; name: string | null }[];
  /** The active branches and joint branches in scope, with whether their unit is still active on the map. */
  branches: readonly { id: string; name: string; level: OrganisationLevel; unitCode: string; unitName: string | null; unitActive: boolean }[];
  /** The active community committees in scope. */
  committees: readonly { id: string; unitCode: string }[];
  /** The current secretaries of those branches and committees. */
  secretaries: readonly { id: string; organisationId: string; memberId: string; directsGridCentre: boolean }[];
  memberNames: ReadonlyMap<string, string | null>;
}

/** covered / grids to four places; null when there is nothing to cover. */
export function coverageShare(covered: number, grids: number): number | null {
  return grids === 0 ? null : Math.round((covered / grids) * 10_000) / 10_000;
}

/**
 * The coverage of the grids by branches (一网格一支部): a grid is covered when an active branch (or joint branch) is
 * bound to it; a branch on an inactive grid and a branch without a current secretary are listed, each in code order.
 */
export function coverageOf(input: CoverageInput): CoverageView {
  const coveredCodes = new Set(input.branches.map((b) => b.unitCode));
  const grids = [...input.grids].sort((a, b) => a.code.localeCompare(b.code));
  const isCovered = (code: string) => coveredCodes.has(code);
  const withSecretary = new Set(input.secretaries.map((s) => s.organisationId));
  const branches = [...input.branches].sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.id.localeCompare(b.id));
  const ref = (b: CoverageInput['branches'][number]): CoverageBranch => ({ organisationId: b.id, name: b.name, level: b.level, unitCode: b.unitCode, unitName: b.unitName });
  const covered = grids.filter((g) => isCovered(g.code)).length;

  const communities = [...input.communities]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((community): CommunityCoverage => {
      const own = grids.filter((g) => g.path.includes(community.code));
      const ownCovered = own.filter((g) => isCovered(g.code)).length;
      const committee = input.committees.find((c) => c.unitCode === community.code) ?? null;
      const director = committee ? input.secretaries.find((s) => s.organisationId === committee.id && s.directsGridCentre) : undefined;
      const gridCentreDirector: GridCentreDirector | null = director ? { officerId: director.id, memberId: director.memberId, memberName: input.memberNames.get(director.memberId) ?? null } : null;
      return { unitCode: community.code, unitName: community.name, grids: own.length, covered: ownCovered, share: coverageShare(ownCovered, own.length), committeeId: committee?.id ?? null, gridCentreDirector };
    });

  return {
    unitCode: input.unitCode,
    grids: grids.length,
    covered,
    share: coverageShare(covered, grids.length),
    gridsWithoutBranch: grids.filter((g) => !isCovered(g.code)).map((g) => ({ unitCode: g.code, unitName: g.name, level: g.level })),
    branchesOnInactiveGrids: branches.filter((b) => !b.unitActive).map(ref),
    branchesWithoutSecretary: branches.filter((b) => !withSecretary.has(b.id)).map(ref),
    communities,
  };
}
