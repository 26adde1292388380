import fc from 'fast-check';
import type { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { mobileProblem, residentIdCheckCharacter, residentIdProblem } from '@gridline/platform';
import { MembersClient, OrganisationsClient, PARTY_BUILDING_EVENTS, PartyErrorCode, type CreateMemberRequest, type MemberView } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, foundPartyTree, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID, OTHER_GRID } = PARTY_MAP;
const { ADMIN, SECRETARY, OTHER_SECRETARY, INSTRUCTOR } = PARTY_CALLERS;

/** A valid resident ID number born on `birth` (YYYYMMDD) with sequence `seq`. */
const idNumber = (birth: string, seq: number) => {
  const first17 = `370502${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};


describe('party members over the bus', () => {
  let party: PartyBuildingTest;
  let members: MembersClient;
  let db: Client;
  let branchId: string;
  let otherBranchId: string;
  let dissolvedId: string;
  const member = (overrides: Partial<CreateMemberRequest> = {}): CreateMemberRequest => ({
    name: '王小明',
    idNumber: idNumber('19850317', 11),
    phone: '13805461234',
    status: 'full',
    joinedOn: '2010-07-01',
    organisationId: branchId,
    homeGridCode: GRID,
    ...overrides,
  });

  beforeAll(async () => {
    party = await startPartyBuilding();
    members = new MembersClient(party.bus);
    const organisations = new OrganisationsClient(party.bus);
    db = party.db;
    const { branch, otherBranch } = await foundPartyTree(organisations);
    [branchId, otherBranchId] = [branch.id, otherBranch.id];
    dissolvedId = (await organisations.create(ADMIN, { name: '一网格一组', level: 'party_group', parentId: branchId, unitCode: GRID })).id;
    await organisations.update(ADMIN, dissolvedId, { active: false });
  });

  afterAll(async () => {
    await party?.close();
  });

  it('stores name, ID number and phone encrypted, answers them masked, and no other field gives them back', async () => {
    const input = member({ idNumber: idNumber('19850317', 11).toLowerCase(), phone: '+86 138-0546-1234' });
    const created = await members.create(SECRETARY, input);
    expect(created).toMatchObject({ name: '王**', idNumber: '370502********' + idNumber('19850317', 11).slice(14), phone: '138****1234', status: 'full', joinedOn: '2010-07-01', organisationId: branchId, unitPath: [STREET, COMMUNITY, GRID], homeGridCode: GRID, account: null });
    const clear = ['王小明', idNumber('19850317', 11), '13805461234', '19850317', '1985-03-17'];
    for (const answer of [created, await members.get(SECRETARY, created.id), (await members.list(SECRETARY, { page: 1, pageSize: 50 })).items[0]]) {
      for (const value of clear) expect(JSON.stringify(answer)).not.toContain(value);
    }
    const { rows } = await db.query('select * from party_building.member where id = $1', [created.id]);
    const row = JSON.stringify(rows[0]);
    for (const value of clear.slice(0, 3)) expect(row).not.toContain(value);
    expect(rows[0].id_number_enc).toMatch(/^v1\./);
    const events = await db.query(`select type, payload from party_building.outbox where aggregate_key = $1`, [`member:${created.id}`]);
    expect(events.rows.map((r) => r.type)).toEqual([PARTY_BUILDING_EVENTS.memberCreated.type]);
    for (const value of clear) expect(JSON.stringify(events.rows)).not.toContain(value);
  });

  it('finds a member exactly by ID number or phone through the keyed hash, in any spelling', async () => {
    const [byId] = (await members.list(SECRETARY, { idNumber: ` ${idNumber('19850317', 11).toLowerCase()} `, page: 1, pageSize: 50 })).items;
    expect(byId.phone).toBe('138****1234');
    expect((await members.list(SECRETARY, { phone: '0086 138 0546 1234', page: 1, pageSize: 50 })).items.map((m) => m.id)).toEqual([byId.id]);
    expect((await members.list(SECRETARY, { phone: '13805461235', page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('refuses a second member of the same ID number, naming the first only to a caller who may see them', async () => {
    const [first] = (await members.list(ADMIN, { idNumber: idNumber('19850317', 11), page: 1, pageSize: 1 })).items;
    const seen = await refusal(members.create(SECRETARY, member({ name: '王二' })));
    expect(seen).toMatchObject({ code: PartyErrorCode.Conflict, kind: 'conflict', details: { field: 'idNumber', existingId: first.id } });
    const unseen = await refusal(members.create(OTHER_SECRETARY, member({ name: '王二', organisationId: otherBranchId, homeGridCode: OTHER_GRID })));
    expect(unseen).toMatchObject({ kind: 'conflict', details: { existingId: null, outsideYourScope: true } });
    expect(JSON.stringify(unseen)).not.toContain(first.id);
  });

  it('keeps each secretary to their own units, and transfers a member with their scope', async () => {
    const mine = await members.create(SECRETARY, member({ name: '李四', idNumber: idNumber('19900101', 21), phone: '13912345678', status: 'probationary', joinedOn: '2025-07-01' }));
    const theirs = await members.create(OTHER_SECRETARY, member({ name: '赵五', idNumber: idNumber('19920202', 31), phone: '13712345678', organisationId: otherBranchId, homeGridCode: OTHER_GRID }));
    expect((await refusal(members.get(SECRETARY, theirs.id))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await refusal(members.update(SECRETARY, theirs.id, { status: 'full' }))).code).toBe(PartyErrorCode.MemberNotFound);
    const listed = (await members.list(SECRETARY, { page: 1, pageSize: 50 })).items.map((m) => m.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(theirs.id);
    expect((await members.list(SECRETARY, { idNumber: idNumber('19920202', 31), page: 1, pageSize: 50 })).total).toBe(0);
    expect((await members.list(ADMIN, { unit: OTHER_COMMUNITY, page: 1, pageSize: 50 })).items.map((m) => m.id)).toEqual([theirs.id]);
    expect((await members.list(ADMIN, { status: 'probationary', page: 1, pageSize: 50 })).items.map((m) => m.id)).toEqual([mine.id]);
    // Another community's organisation is not the secretary's to register members with; a dissolved one is nobody's.
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19930303', 41), organisationId: otherBranchId })))).details).toMatchObject({ field: 'organisationId' });
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19930303', 41), organisationId: dissolvedId })))).details).toMatchObject({ field: 'organisationId', reason: 'is a dissolved organisation' });

    const moved = await members.update(ADMIN, mine.id, { organisationId: otherBranchId, status: 'full' });
    expect(moved).toMatchObject({ organisationId: otherBranchId, unitPath: [STREET, OTHER_COMMUNITY, OTHER_GRID], status: 'full' });
    expect((await refusal(members.get(SECRETARY, mine.id))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await members.get(OTHER_SECRETARY, mine.id)).id).toBe(mine.id);
    expect((await refusal(members.update(OTHER_SECRETARY, mine.id, { status: 'probationary' }))).details).toMatchObject({ fields: [{ field: 'status' }] });
    const events = await db.query(`select type, payload from party_building.outbox where aggregate_key = $1 order by id`, [`member:${mine.id}`]);
    expect(events.rows.map((r) => r.type)).toEqual([PARTY_BUILDING_EVENTS.memberCreated.type, PARTY_BUILDING_EVENTS.memberTransferred.type]);
    expect(events.rows[1].payload.data).toMatchObject({ organisationId: otherBranchId, fromOrganisationId: branchId, fromUnitPath: [STREET, COMMUNITY, GRID], changed: ['status', 'organisationId'] });
  });

  it('reveals in clear only to a keeper of the member, after the audit entry has committed', async () => {
    const [target] = (await members.list(SECRETARY, { idNumber: idNumber('19850317', 11), page: 1, pageSize: 1 })).items;
    expect((await refusal(members.reveal(SECRETARY, target.id, { fields: ['idNumber'], reason: '' }))).kind).toBe('validation');
    expect((await refusal(members.reveal(INSTRUCTOR, target.id, { fields: ['idNumber'], reason: '核实党员信息' }))).kind).toBe('forbidden');
    expect((await refusal(members.reveal(OTHER_SECRETARY, target.id, { fields: ['idNumber'], reason: '核实党员信息' }))).code).toBe(PartyErrorCode.MemberNotFound);
    const revealed = await members.reveal(SECRETARY, target.id, { fields: ['name', 'idNumber', 'phone'], reason: '核实党员信息' });
    expect(revealed).toEqual({ id: target.id, name: '王小明', idNumber: idNumber('19850317', 11), phone: '13805461234' });
    const { rows } = await db.query('select actor, actor_roles, fields, reason from party_building.member_audit where member_id = $1', [target.id]);
    expect(rows).toEqual([{ actor: SECRETARY.sub, actor_roles: ['party_secretary'], fields: ['name', 'idNumber', 'phone'], reason: '核实党员信息' }]);
    expect((await members.audit(SECRETARY, { memberId: target.id, page: 1, pageSize: 10 })).items).toMatchObject([{ actor: SECRETARY.sub, memberId: target.id, reason: '核实党员信息' }]);
    expect((await members.audit(OTHER_SECRETARY, { memberId: target.id, page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('answers a party member their own record by the token subject, with no scope', async () => {
    const linked = await members.create(SECRETARY, member({ name: '孙六', idNumber: idNumber('19880808', 51), phone: '13612345678', account: 'member-sub-1' }));
    const self: Caller = { sub: 'member-sub-1', roles: ['party_member'], units: [] };
    expect(await members.own(self)).toEqual(linked);
    expect((await refusal(members.own({ sub: 'member-sub-2', roles: ['party_member'], units: [] }))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await refusal(members.get(self, linked.id))).kind).toBe('forbidden');
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19880808', 61), account: 'member-sub-1' })))).details).toMatchObject({ field: 'account', existingId: linked.id });
    const unlinked: MemberView = await members.update(SECRETARY, linked.id, { account: null });
    expect(unlinked.account).toBeNull();
    expect((await refusal(members.own(self))).code).toBe(PartyErrorCode.MemberNotFound);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const before = (await db.query('select count(*)::int as n from party_building.member')).rows[0].n;
    const badIdNumber = fc.string({ maxLength: 20 }).filter((s) => residentIdProblem(s) !== null);
    await fc.assert(
      fc.asyncProperty(badIdNumber, async (value) => {
        const error = await refusal(members.create(SECRETARY, member({ idNumber: value })));
        expect(error).toMatchObject({ kind: 'validation', details: { fields: [{ field: 'idNumber' }] } });
      }),
      { numRuns: 15 },
    );
    const badPhone = fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^\d{1,13}$/)).filter((s) => mobileProblem(s) !== null);
    await fc.assert(
      fc.asyncProperty(badPhone, async (value) => {
        const error = await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19700101', 71), phone: value })));
        expect(error).toMatchObject({ kind: 'validation', details: { fields: [{ field: 'phone' }] } });
      }),
      { numRuns: 15 },
    );
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19700101', 71), joinedOn: '2999-01-01' })))).details).toMatchObject({ fields: [{ field: 'joinedOn' }] });
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19700101', 71), joinedOn: '1960-01-01' })))).details).toMatchObject({ fields: [{ field: 'joinedOn' }] });
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19700101', 71), homeGridCode: COMMUNITY })))).details).toMatchObject({ field: 'homeGridCode' });
    expect((await refusal(members.create(SECRETARY, member({ idNumber: idNumber('19700101', 71), status: 'honorary' as never })))).details).toMatchObject({ fields: [{ field: 'status' }] });
    expect((await db.query('select count(*)::int as n from party_building.member')).rows[0].n).toBe(before);
  });
});
