import type { Caller } from '@gridline/auth';
import { CoverageClient, OrganisationsClient } from '@gridline/contracts-party-building';
import { RegistryClient } from '@gridline/contracts-registry';
import { eventually, unitFactory } from '@gridline/testing';
import { PARTY_STREET } from './support/party-street';
import { StreetFixture } from './support/street-fixture';

const { STREET: S, COMMUNITY: C } = PARTY_STREET;
const [G1, G2, G3] = [`${C}001`, `${C}002`, `${C}003`];
const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [C] };

/**
 * The party's coverage follows the registry's map through its events (the copy kept by @gridline/registry-reference,
 * durable `party-building-registry-copy`): the real registry and party-building on one platform, nothing written
 * into the copy by hand.
 */
describe('party coverage following the registry', () => {
  let walk: StreetFixture;
  let registry: RegistryClient;
  let organisations: OrganisationsClient;
  let coverage: CoverageClient;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'party-building'] });
    const bus = await walk.platform.bus();
    registry = new RegistryClient(bus);
    organisations = new OrganisationsClient(bus);
    coverage = new CoverageClient(bus);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('lists a new grid without a branch, covers it once founded, renames it, and finds the branch stranded when the grid is split', async () => {
    await registry.createUnit(ADMIN, unitFactory().street(S, '新区街道').build());
    await registry.createUnit(ADMIN, unitFactory().community(C, '一社区').build());
    await registry.createUnit(ADMIN, unitFactory().grid(G1, '一网格').at(118.5, 37.4).build());

    // The grid's unit.created reaches the copy: the coverage names it, without a branch.
    await eventually(async () => {
      const view = await coverage.get(SECRETARY, {});
      expect(view).toMatchObject({ grids: 1, covered: 0, gridsWithoutBranch: [{ unitCode: G1, unitName: '一网格', level: 'grid' }] });
    });

    const top = await organisations.create(ADMIN, { name: '街道党工委', level: 'working_committee', unitCode: S });
    const committee = await organisations.create(ADMIN, { name: '一社区党委', level: 'party_committee', parentId: top.id, unitCode: C });
    const branch = await organisations.create(SECRETARY, { name: '一网格支部', level: 'branch', parentId: committee.id, unitCode: G1 });
    expect(await coverage.get(SECRETARY, { unit: C })).toMatchObject({
      grids: 1,
      covered: 1,
      share: 1,
      gridsWithoutBranch: [],
      branchesOnInactiveGrids: [],
      communities: [{ unitCode: C, unitName: '一社区', grids: 1, covered: 1, share: 1, committeeId: committee.id, gridCentreDirector: null }],
    });

    await registry.updateUnit(ADMIN, G1, { name: '一网格（胜利片）' });
    await eventually(async () => expect(await organisations.get(SECRETARY, branch.id)).toMatchObject({ unitName: '一网格（胜利片）', unitActive: true }));

    // Split: two new grids take the old one's place, the old one is deactivated.
    await registry.createUnit(ADMIN, unitFactory().grid(G2, '二网格').at(118.6, 37.4).build());
    await registry.createUnit(ADMIN, unitFactory().grid(G3, '三网格').at(118.7, 37.4).build());
    await registry.updateUnit(ADMIN, G1, { active: false });
    await eventually(async () => {
      const view = await coverage.get(SECRETARY, {});
      expect(view).toMatchObject({ grids: 2, covered: 0, share: 0 });
      expect(view.gridsWithoutBranch.map((g) => g.unitCode)).toEqual([G2, G3]);
      expect(view.branchesOnInactiveGrids).toEqual([{ organisationId: branch.id, name: '一网格支部', level: 'branch', unitCode: G1, unitName: '一网格（胜利片）' }]);
      expect(view.communities).toEqual([expect.objectContaining({ unitCode: C, grids: 2, covered: 0, share: 0 })]);
    });
    expect(await organisations.get(SECRETARY, branch.id)).toMatchObject({ unitActive: false, active: true });

    // A branch founded on each new grid covers the community again; the stranded one is still listed until dissolved.
    await organisations.create(SECRETARY, { name: '二网格支部', level: 'branch', parentId: committee.id, unitCode: G2 });
    await organisations.create(SECRETARY, { name: '三网格支部', level: 'branch', parentId: committee.id, unitCode: G3 });
    await organisations.update(SECRETARY, branch.id, { active: false });
    expect(await coverage.get(SECRETARY, {})).toMatchObject({ grids: 2, covered: 2, share: 1, gridsWithoutBranch: [], branchesOnInactiveGrids: [] });
  });
});
