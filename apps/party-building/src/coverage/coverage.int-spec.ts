import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { CoverageClient, MembersClient, OrganisationsClient, PartyErrorCode } from '@gridline/contracts-party-building';
import { TestPlatform } from '@gridline/testing';
import { PartyBuildingAppModule } from '../party-building-app.module';
import { PartyBuildingConfig } from '../party-building.config';
import { copyUnits, fieldsOf, memberInput, refusal } from '../testing/party-test-support';

const S = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const [G11, G12, G13, G21] = [`${C1}001`, `${C1}002`, `${C1}003`, `${C2}001`];
const ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [S] };
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [C1] };
const ANALYST: Caller = { sub: 'an-1', roles: ['analyst'], units: [C1] };
const STAFF: Caller = { sub: 'gs-1', roles: ['grid_staff'], units: [C1] };

describe('party coverage over the bus', () => {
  let platform: TestPlatform;
  let coverage: CoverageClient;
  let db: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('party-building', PartyBuildingConfig, (config) => PartyBuildingAppModule.register(config, { startWorkers: false }));
    const bus = await platform.bus();
    const organisations = new OrganisationsClient(bus);
    const members = new MembersClient(bus);
    coverage = new CoverageClient(bus);
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    await copyUnits(db, [
      { level: 'street', path: [S] },
      { level: 'community', path: [S, C1] },
      { level: 'community', path: [S, C2] },
      ...[G11, G12, G13, G21].map((g) => ({ level: 'grid' as const, path: [S, g.slice(0, 12), g] })),
    ]);
    const top = await organisations.create(ADMIN, { name: '街道党工委', level: 'working_committee', unitCode: S });
    const k1 = await organisations.create(ADMIN, { name: '一社区党委', level: 'party_committee', parentId: top.id, unitCode: C1 });
    const k2 = await organisations.create(ADMIN, { name: '二社区党委', level: 'party_committee', parentId: top.id, unitCode: C2 });
    const b11 = await organisations.create(ADMIN, { name: '一网格支部', level: 'branch', parentId: k1.id, unitCode: G11 });
    const b13 = await organisations.create(ADMIN, { name: '三网格支部', level: 'branch', parentId: k1.id, unitCode: G13 });
    const b21 = await organisations.create(ADMIN, { name: '二社区一网格支部', level: 'branch', parentId: k2.id, unitCode: G21 });
    Object.assign(ids, { k1: k1.id, k2: k2.id, b11: b11.id, b13: b13.id, b21: b21.id });
    const secretary = await members.create(ADMIN, memberInput(b11.id, G11, 1, '李书记'));
    const k2secretary = await members.create(ADMIN, memberInput(k2.id, G21, 2));
    const branchSecretary = await members.create(ADMIN, memberInput(b11.id, G11, 3));
    ids.director = (await organisations.appointOfficer(ADMIN, k1.id, { memberId: secretary.id, role: 'secretary', startsOn: '2026-01-01', directsGridCentre: true })).id;
    await organisations.appointOfficer(ADMIN, k2.id, { memberId: k2secretary.id, role: 'secretary', startsOn: '2026-01-01' });
    await organisations.appointOfficer(ADMIN, b11.id, { memberId: branchSecretary.id, role: 'secretary', startsOn: '2026-01-01' });
    ids.directorMember = secretary.id;
    // The third grid was deactivated on the map after its branch was founded.
    await db.query('update party_building.registry_unit set active = false where code = $1', [G13]);
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
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
