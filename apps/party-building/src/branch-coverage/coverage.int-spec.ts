import type { Caller } from '@gridline/auth';
import { CoverageClient, MembersClient, OrganisationsClient, PartyErrorCode } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, PARTY_UNITS, fieldsOf, foundPartyTree, memberInput, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { STREET: S, COMMUNITY: C1, OTHER_COMMUNITY: C2, GRID: G11, GRID_2: G12, OTHER_GRID: G21 } = PARTY_MAP;
const G13 = `${C1}003`;
const { ADMIN, SECRETARY } = PARTY_CALLERS;
const ANALYST: Caller = { sub: 'an-1', roles: ['analyst'], units: [C1] };
const STAFF: Caller = { sub: 'gs-1', roles: ['grid_staff'], units: [C1] };

describe('party coverage over the bus', () => {
  let party: PartyBuildingTest;
  let coverage: CoverageClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    party = await startPartyBuilding([...PARTY_UNITS, ...[G12, G13].map((g) => ({ level: 'grid' as const, path: [S, C1, g] }))]);
    const organisations = new OrganisationsClient(party.bus);
    const members = new MembersClient(party.bus);
    coverage = new CoverageClient(party.bus);
    const { committee: k1, otherCommittee: k2, branch: b11, otherBranch: b21 } = await foundPartyTree(organisations);
    const b13 = await organisations.create(ADMIN, { name: '三网格支部', level: 'branch', parentId: k1.id, unitCode: G13 });
    Object.assign(ids, { k1: k1.id, k2: k2.id, b11: b11.id, b13: b13.id, b21: b21.id });
    const secretary = await members.create(ADMIN, memberInput(b11.id, G11, 1, '李书记'));
    const k2secretary = await members.create(ADMIN, memberInput(k2.id, G21, 2));
    const branchSecretary = await members.create(ADMIN, memberInput(b11.id, G11, 3));
    ids.director = (await organisations.appointOfficer(ADMIN, k1.id, { memberId: secretary.id, role: 'secretary', startsOn: '2026-01-01', directsGridCentre: true })).id;
    await organisations.appointOfficer(ADMIN, k2.id, { memberId: k2secretary.id, role: 'secretary', startsOn: '2026-01-01' });
    await organisations.appointOfficer(ADMIN, b11.id, { memberId: branchSecretary.id, role: 'secretary', startsOn: '2026-01-01' });
    ids.directorMember = secretary.id;
    // The third grid was deactivated on the map after its branch was founded.
    await party.db.query('update party_building.registry_unit set active = false where code = $1', [G13]);
  });

  afterAll(async () => {
    await party?.close();
  });

  it('lists for the street the grids without a branch, the branches on inactive grids or without a secretary, and the share per community', async () => {
    const view = await coverage.get(ADMIN, {});
    expect(view).toMatchObject({ unitCode: null, grids: 3, covered: 2, share: 0.6667 });
    expect(view.gridsWithoutBranch).toEqual([{ unitCode: G12, unitName: G12, level: 'grid' }]);
    expect(view.branchesOnInactiveGrids.map((b) => [b.organisationId, b.unitCode])).toEqual([[ids.b13, G13]]);
    expect(view.branchesWithoutSecretary.map((b) => b.organisationId)).toEqual([ids.b13, ids.b21]);
    expect(view.communities).toEqual([
      { unitCode: C1, unitName: C1, grids: 2, covered: 1, share: 0.5, committeeId: ids.k1, gridCentreDirector: { officerId: ids.director, memberId: ids.directorMember, memberName: '李**' } },
      { unitCode: C2, unitName: C2, grids: 1, covered: 1, share: 1, committeeId: ids.k2, gridCentreDirector: null },
    ]);
    expect((await coverage.get(ADMIN, { unit: C2 })).communities.map((c) => c.unitCode)).toEqual([C2]);
  });

  it('cuts everything to the caller’s scope: another community’s codes, organisations and figures are not in it', async () => {
    const view = await coverage.get(SECRETARY, {});
    expect(view).toMatchObject({ grids: 2, covered: 1, share: 0.5, branchesWithoutSecretary: [expect.objectContaining({ organisationId: ids.b13 })] });
    expect(view.communities.map((c) => c.unitCode)).toEqual([C1]);
    const text = JSON.stringify(view);
    for (const hidden of [C2, G21, ids.k2, ids.b21]) expect(text).not.toContain(hidden);
    expect(await coverage.get(ANALYST, { unit: G12 })).toMatchObject({ unitCode: G12, grids: 1, covered: 0, gridsWithoutBranch: [{ unitCode: G12 }], communities: [] });
  });

  it('answers a unit outside the scope as one that does not exist, bad input naming the field, and refuses other roles', async () => {
    const outside = await refusal(coverage.get(SECRETARY, { unit: C2 }));
    const unknown = await refusal(coverage.get(SECRETARY, { unit: '370502003009' }));
    expect([outside.code, outside.kind]).toEqual([PartyErrorCode.UnitNotFound, 'not_found']);
    expect([unknown.code, unknown.kind]).toEqual([outside.code, outside.kind]);
    expect(fieldsOf(await refusal(coverage.get(SECRETARY, { unit: 'x' })))).toEqual(['unit']);
    expect((await refusal(coverage.get(STAFF, {}))).kind).toBe('forbidden');
  });
});
