import { SEVEN_INTO_GRID_ROLES, type GridRole } from '@gridline/contracts-registry';
import { coverageOf } from './report-coverage.use-case';

const S = '370502003';
const C = '370502003001';
const G1 = `${C}001`;
const G2 = `${C}002`;
const grids = [
  { code: G2, path: [S, C, G2] },
  { code: G1, path: [S, C, G1] },
];
const on = (unitCode: string, ...roles: GridRole[]) => roles.map((role) => ({ unitCode, role }));

describe(coverageOf.name, () => {
  it('lists grids without grid staff and the seven roles each grid misses, in code order', () => {
    const view = coverageOf(C, grids, [...on(G1, ...SEVEN_INTO_GRID_ROLES), ...on(G2, 'building_chief', 'grid_instructor')]);
    expect(view).toEqual({
      unitCode: C,
      grids: 2,
      gridsWithoutStaff: [G2],
      gridsMissingRoles: [{ gridCode: G2, missing: SEVEN_INTO_GRID_ROLES.filter((r) => r !== 'building_chief') }],
    });
  });

  it('counts a role held on the community for each of its grids, but not grid staff', () => {
    const view = coverageOf(C, grids, [...on(C, 'community_police', 'two_committee_member', 'grid_staff'), ...on(G1, 'grid_staff')]);
    expect(view.gridsWithoutStaff).toEqual([G2]);
    expect(view.gridsMissingRoles.find((g) => g.gridCode === G1)?.missing).toEqual(['social_worker', 'building_chief', 'in_service_party_member', 'property_staff']);
  });

  it('reports nothing missing when there are no grids', () => {
    expect(coverageOf(C, [], [])).toEqual({ unitCode: C, grids: 0, gridsWithoutStaff: [], gridsMissingRoles: [] });
  });
});
