import { coverageOf, coverageShare, type CoverageInput } from './coverage-rules';

const S = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const grid = (code: string, level: 'grid' | 'exclusive_grid' = 'grid') => ({ code, name: `网格${code.slice(-3)}`, level, path: [S, code.slice(0, 12), code] });
const branch = (id: string, unitCode: string, unitActive = true) => ({ id, name: `支部${id}`, level: 'branch' as const, unitCode, unitName: unitCode, unitActive });
const empty: CoverageInput = { unitCode: null, grids: [], communities: [], branches: [], committees: [], secretaries: [], memberNames: new Map() };

describe(coverageShare.name, () => {
  it('is covered over grids to four places, and null with nothing to cover', () => {
    expect([coverageShare(1, 3), coverageShare(2, 3), coverageShare(3, 3), coverageShare(0, 7), coverageShare(0, 0)]).toEqual([0.3333, 0.6667, 1, 0, null]);
  });
});

describe(coverageOf.name, () => {
  it('lists the grids without a branch, per community and in all, in code order', () => {
    const view = coverageOf({
      ...empty,
      grids: [grid(`${C1}003`), grid(`${C1}001`), grid(`${C1}002`), grid(`${C2}001`), grid(`${C1}901`, 'exclusive_grid')],
      communities: [{ code: C2, name: '二社区' }, { code: C1, name: '一社区' }],
      branches: [branch('b1', `${C1}001`), { ...branch('j1', `${C1}901`), level: 'joint_branch' }],
    });
    expect(view).toMatchObject({ grids: 5, covered: 2, share: 0.4 });
    expect(view.gridsWithoutBranch.map((g) => g.unitCode)).toEqual([`${C1}002`, `${C1}003`, `${C2}001`]);
    expect(view.communities.map((c) => [c.unitCode, c.grids, c.covered, c.share])).toEqual([[C1, 4, 2, 0.5], [C2, 1, 0, 0]]);
  });

  it('lists a branch bound to an inactive grid, which covers nothing, and branches without a current secretary', () => {
    const view = coverageOf({
      ...empty,
      grids: [grid(`${C1}001`), grid(`${C1}002`)],
      communities: [{ code: C1, name: '一社区' }],
      branches: [branch('b1', `${C1}001`), branch('old', `${C1}009`, false)],
      secretaries: [{ id: 's1', organisationId: 'b1', memberId: 'm1', directsGridCentre: false }],
    });
    expect(view).toMatchObject({ grids: 2, covered: 1, share: 0.5 });
    expect(view.branchesOnInactiveGrids.map((b) => b.organisationId)).toEqual(['old']);
    expect(view.branchesWithoutSecretary.map((b) => b.organisationId)).toEqual(['old']);
    expect(view.gridsWithoutBranch.map((g) => g.unitCode)).toEqual([`${C1}002`]);
  });

  it('names who directs each community grid centre, or nobody', () => {
    const view = coverageOf({
      ...empty,
      communities: [{ code: C1, name: '一社区' }, { code: C2, name: '二社区' }, { code: '370502003003', name: '三社区' }],
      committees: [{ id: 'k1', unitCode: C1 }, { id: 'k2', unitCode: C2 }],
      secretaries: [
        { id: 's1', organisationId: 'k1', memberId: 'm1', directsGridCentre: true },
        { id: 's2', organisationId: 'k2', memberId: 'm2', directsGridCentre: false },
      ],
      memberNames: new Map([['m1', '李**']]),
    });
    expect(view.communities.map((c) => [c.unitCode, c.committeeId, c.gridCentreDirector])).toEqual([
      [C1, 'k1', { officerId: 's1', memberId: 'm1', memberName: '李**' }],
      [C2, 'k2', null],
      ['370502003003', null, null],
    ]);
    expect(view.communities[0]).toMatchObject({ grids: 0, covered: 0, share: null });
    expect(view).toMatchObject({ grids: 0, covered: 0, share: null, gridsWithoutBranch: [], branchesWithoutSecretary: [] });
  });
});
