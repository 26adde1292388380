import type { Client } from 'pg';
import { PUBLIC_CALLER } from '@gridline/auth';
import { OrganisationsClient, PARTY_BUILDING_EVENTS, PartyErrorCode } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, PARTY_UNITS, foundCommittees, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { STREET, COMMUNITY, GRID, OTHER_COMMUNITY, OTHER_GRID } = PARTY_MAP;
const { ADMIN, SECRETARY, OTHER_SECRETARY } = PARTY_CALLERS;

describe('party organisations over the bus', () => {
  let party: PartyBuildingTest;
  let organisations: OrganisationsClient;
  let db: Client;

  beforeAll(async () => {
    // The map the service keeps from the registry's events, written straight into its copy.
    party = await startPartyBuilding([...PARTY_UNITS, { level: 'grid', path: [STREET, COMMUNITY, '370502003001009'], active: false }]);
    organisations = new OrganisationsClient(party.bus);
    db = party.db;
  });

  afterAll(async () => {
    await party?.close();
  });

  it('builds the tree down the map, one branch per grid, and keeps each secretary to their own units', async () => {
    const { committee, otherCommittee: other } = await foundCommittees(organisations);
    const branch = await organisations.create(SECRETARY, { name: '一网格支部', level: 'branch', parentId: committee.id, unitCode: GRID });
    expect(branch).toMatchObject({ level: 'branch', parentId: committee.id, unitCode: GRID, unitName: GRID, unitActive: true, active: true });
    const outsider = await organisations.create(OTHER_SECRETARY, { name: '二社区一网格支部', level: 'branch', parentId: other.id, unitCode: OTHER_GRID });

    // A second branch for the grid: 409, naming the first (the caller may see it: it is on the caller's own unit).
    const seen = await refusal(organisations.create(SECRETARY, { name: '又一支部', level: 'branch', parentId: committee.id, unitCode: GRID }));
    expect(seen).toMatchObject({ code: PartyErrorCode.Conflict, kind: 'conflict', details: { existingId: branch.id } });
    expect((await refusal(organisations.create(ADMIN, { name: '又一支部', level: 'branch', parentId: other.id, unitCode: OTHER_GRID }))).details?.existingId).toBe(outsider.id);

    // Out of scope: the other community's unit and organisation are unknown to this secretary.
    expect((await refusal(organisations.create(SECRETARY, { name: 'x', level: 'branch', parentId: other.id, unitCode: OTHER_GRID }))).code).toBe(PartyErrorCode.UnitRefused);
    expect((await refusal(organisations.get(SECRETARY, outsider.id))).code).toBe(PartyErrorCode.OrganisationNotFound);
    const page = await organisations.list(SECRETARY, { page: 1, pageSize: 50 });
    expect(page.items.map((o) => o.id).sort()).toEqual([committee.id, branch.id].sort());
    expect((await organisations.list(ADMIN, { unit: OTHER_COMMUNITY, page: 1, pageSize: 50 })).items.map((o) => o.id).sort()).toEqual([other.id, outsider.id].sort());
  });

  it('refuses bindings the map does not allow, naming the field', async () => {
    const top = (await organisations.list(ADMIN, { level: 'working_committee', page: 1, pageSize: 1 })).items[0];
    const inactive = await refusal(organisations.create(ADMIN, { name: 'x', level: 'party_committee', parentId: top.id, unitCode: '370502003001009' }));
    expect(inactive.details).toMatchObject({ field: 'unitCode' });
    const wrongLevel = await refusal(organisations.create(ADMIN, { name: 'x', level: 'branch', parentId: top.id, unitCode: GRID }));
    expect(wrongLevel.details).toMatchObject({ field: 'parentId' });
    const bad = await refusal(organisations.create(ADMIN, { name: '', level: 'nope', unitCode: 'x' } as never));
    expect(bad.kind).toBe('validation');
  });

  it('dissolves an organisation only once nothing active is beneath it', async () => {
    const [committee] = (await organisations.list(SECRETARY, { level: 'party_committee', page: 1, pageSize: 1 })).items;
    const [branch] = (await organisations.list(SECRETARY, { level: 'branch', page: 1, pageSize: 1 })).items;
    expect((await refusal(organisations.update(SECRETARY, committee.id, { active: false }))).details).toMatchObject({ field: 'active' });
    expect(await organisations.update(SECRETARY, branch.id, { active: false, name: '一网格支部（撤销）' })).toMatchObject({ active: false, name: '一网格支部（撤销）' });
    // The grid's slot is free again; the old branch cannot come back while a new one holds it.
    const renewed = await organisations.create(SECRETARY, { name: '一网格新支部', level: 'branch', parentId: committee.id, unitCode: GRID });
    expect((await refusal(organisations.update(SECRETARY, branch.id, { active: true }))).details?.existingId).toBe(renewed.id);
    const events = await db.query(`select type, payload from party_building.outbox where aggregate_key = $1 order by id`, [`organisation:${branch.id}`]);
    expect(events.rows.map((r) => r.type)).toEqual([PARTY_BUILDING_EVENTS.organisationCreated.type, PARTY_BUILDING_EVENTS.organisationUpdated.type]);
  });

  it('names a grid’s active branch to the public lookup, and to no one else', async () => {
    const branches = await organisations.publicBranches(PUBLIC_CALLER, [GRID, OTHER_GRID, '370502003001009']);
    expect(branches).toEqual([
      { unitCode: GRID, name: '一网格新支部', level: 'branch' },
      { unitCode: OTHER_GRID, name: '二社区一网格支部', level: 'branch' },
    ]);
    expect((await refusal(organisations.publicBranches(ADMIN, [GRID]))).kind).toBe('forbidden');
    expect((await refusal(organisations.publicBranches(PUBLIC_CALLER, ['37050200300']))).details).toMatchObject({ fields: [{ field: 'gridCodes' }] });
  });
});
