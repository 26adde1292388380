import { randomUUID } from 'crypto';
import type { Client } from 'pg';
import { chinaDay } from '@gridline/platform';
import { MembersClient, OrganisationsClient, PARTY_BUILDING_EVENTS, PartyErrorCode, type OrganisationView } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, fieldsOf, foundPartyTree, memberInput, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';

const { COMMUNITY, GRID, OTHER_GRID } = PARTY_MAP;
const { ADMIN, SECRETARY, OTHER_SECRETARY, INSTRUCTOR } = PARTY_CALLERS;

describe('party officers over the bus', () => {
  let party: PartyBuildingTest;
  let organisations: OrganisationsClient;
  let members: MembersClient;
  let db: Client;
  let committee: OrganisationView;
  let branch: OrganisationView;
  let outsider: string;
  let seq = 0;
  /** A new member of the organisation (its scope and unit), living in GRID. */
  const member = async (organisation: OrganisationView, name?: string) => (await members.create(ADMIN, memberInput(organisation.id, organisation.unitCode.startsWith(COMMUNITY) ? GRID : OTHER_GRID, ++seq, name))).id;
  const today = chinaDay();

  beforeAll(async () => {
    party = await startPartyBuilding();
    organisations = new OrganisationsClient(party.bus);
    members = new MembersClient(party.bus);
    db = party.db;
    const tree = await foundPartyTree(organisations);
    ({ committee, branch } = tree);
    outsider = await member(tree.otherCommittee);
  });

  afterAll(async () => {
    await party?.close();
  });

  it('shows the community committee’s secretary directing the grid centre, with the committee’s current officers', async () => {
    // The committee's officers are members of it or of a branch beneath it.
    const [secretary, deputy, former] = [await member(branch, '李书记'), await member(committee), await member(committee)];
    const appointed = await organisations.appointOfficer(SECRETARY, committee.id, { memberId: secretary, role: 'secretary', startsOn: '2026-01-01', directsGridCentre: true });
    expect(appointed).toMatchObject({ organisationId: committee.id, memberId: secretary, memberName: '李**', role: 'secretary', startsOn: '2026-01-01', endsOn: null, directsGridCentre: true });
    await organisations.appointOfficer(SECRETARY, committee.id, { memberId: deputy, role: 'deputy_secretary', startsOn: '2026-01-01' });
    await organisations.appointOfficer(SECRETARY, committee.id, { memberId: former, role: 'committee_member', startsOn: '2020-01-01', endsOn: '2020-12-31' });

    const view = await organisations.get(INSTRUCTOR, committee.id);
    expect(view.officers.map((o) => [o.role, o.memberId])).toEqual([['secretary', secretary], ['deputy_secretary', deputy]]);
    expect(view.gridCentreDirector).toMatchObject({ id: appointed.id, memberId: secretary, memberName: '李**' });
    const history = await organisations.listOfficers(INSTRUCTOR, committee.id);
    expect(history.map((o) => [o.memberId, o.current])).toEqual(expect.arrayContaining([[former, false], [secretary, today >= '2026-01-01']]));
    expect(history).toHaveLength(3);
  });

  it('keeps one secretary at a time (409 naming the other term) and lets the next start the day after an end', async () => {
    const first = await organisations.appointOfficer(SECRETARY, branch.id, { memberId: await member(branch), role: 'secretary', startsOn: '2025-01-01' });
    const overlap = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: await member(branch), role: 'secretary', startsOn: '2025-06-01' }));
    expect(overlap).toMatchObject({ code: PartyErrorCode.Conflict, kind: 'conflict', details: { reason: 'secretary_overlaps', officerId: first.id } });

    const ended = await organisations.endOfficerTerm(SECRETARY, branch.id, first.id, { endsOn: '2025-12-31' });
    expect(ended).toMatchObject({ endsOn: '2025-12-31', current: false });
    const again = await refusal(organisations.endOfficerTerm(SECRETARY, branch.id, first.id, { endsOn: '2026-01-31' }));
    expect(again.details).toMatchObject({ reason: 'already_ended', officerId: first.id });
    const next = await organisations.appointOfficer(SECRETARY, branch.id, { memberId: await member(branch), role: 'secretary', startsOn: '2026-01-01' });
    expect(next.current).toBe(today >= '2026-01-01');

    // One office at a time for a member in one organisation.
    const clash = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: next.memberId, role: 'committee_member', startsOn: '2026-02-01' }));
    expect(clash.details).toMatchObject({ reason: 'member_overlaps', officerId: next.id });

    const events = await db.query(`select type, payload from party_building.outbox where aggregate_key = $1 and type like '%officer%' order by id`, [`organisation:${branch.id}`]);
    expect(events.rows.map((r) => r.type)).toEqual([PARTY_BUILDING_EVENTS.officerAppointed.type, PARTY_BUILDING_EVENTS.officerEnded.type, PARTY_BUILDING_EVENTS.officerAppointed.type]);
    // Ids, roles, days and the unit: no names.
    expect(Object.keys((events.rows[1].payload as { data: object }).data ?? events.rows[1].payload).sort()).toEqual(['directsGridCentre', 'endsOn', 'memberId', 'officerId', 'organisationId', 'role', 'startsOn', 'unitCode', 'unitPath']);
  });

  it('lets one of two concurrent overlapping secretaries through', async () => {
    const group = await organisations.create(ADMIN, { name: '第一党小组', level: 'party_group', parentId: branch.id, unitCode: GRID });
    const [one, two] = [await member(branch), await member(branch)];
    const results = await Promise.allSettled([one, two].map((memberId) => organisations.appointOfficer(SECRETARY, group.id, { memberId, role: 'secretary', startsOn: '2026-01-01' })));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as { details?: { reason?: string } }).details?.reason).toBe('secretary_overlaps');
    expect(await organisations.listOfficers(SECRETARY, group.id)).toHaveLength(1);
  });

  it('appoints only members of the organisation or beneath it, in scope — an outsider is told apart from nobody by nothing', async () => {
    const unknown = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: randomUUID(), role: 'committee_member' }));
    const elsewhere = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: outsider, role: 'committee_member' }));
    expect([unknown.code, fieldsOf(unknown), unknown.message]).toEqual([PartyErrorCode.Invalid, ['memberId'], 'memberId is not a party member in your scope']);
    expect([elsewhere.code, fieldsOf(elsewhere), elsewhere.message, elsewhere.details]).toEqual([unknown.code, ['memberId'], unknown.message, unknown.details]);
    // A member of the committee above is not one of the branch's.
    const above = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: await member(committee), role: 'committee_member' }));
    expect(above.message).toBe('memberId must be a member of the organisation or of one beneath it');
  });

  it('refuses bad input naming the field', async () => {
    const badId = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: 'nobody', role: 'secretary' }));
    expect([badId.kind, fieldsOf(badId)]).toEqual(['validation', ['memberId']]);
    const badRole = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: randomUUID(), role: 'chair' as never }));
    expect(fieldsOf(badRole)).toEqual(['role']);
    const backwards = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: await member(branch), role: 'committee_member', startsOn: '2026-03-01', endsOn: '2026-02-01' }));
    expect([backwards.code, fieldsOf(backwards)]).toEqual([PartyErrorCode.Invalid, ['endsOn']]);
    const notCommunity = await refusal(organisations.appointOfficer(SECRETARY, branch.id, { memberId: await member(branch), role: 'committee_member', directsGridCentre: true }));
    expect(fieldsOf(notCommunity)).toEqual(['directsGridCentre']);
    const badEnd = await refusal(organisations.endOfficerTerm(SECRETARY, branch.id, randomUUID(), { endsOn: '2026-02-30' }));
    expect(fieldsOf(badEnd)).toEqual(['endsOn']);
  });

  it('tells another community’s secretary nothing of these officers', async () => {
    const [officer] = await organisations.listOfficers(ADMIN, committee.id);
    expect((await refusal(organisations.listOfficers(OTHER_SECRETARY, committee.id))).code).toBe(PartyErrorCode.OrganisationNotFound);
    expect((await refusal(organisations.appointOfficer(OTHER_SECRETARY, committee.id, { memberId: randomUUID(), role: 'committee_member' }))).code).toBe(PartyErrorCode.OrganisationNotFound);
    expect((await refusal(organisations.endOfficerTerm(OTHER_SECRETARY, committee.id, officer.id, { endsOn: today }))).code).toBe(PartyErrorCode.OrganisationNotFound);
    // A reader who is no keeper may not appoint.
    expect((await refusal(organisations.appointOfficer(INSTRUCTOR, committee.id, { memberId: randomUUID(), role: 'committee_member' }))).kind).toBe('forbidden');
  });

  it('ends the open terms of a dissolved organisation: today, or on its first day for a term not begun', async () => {
    const group = await organisations.create(SECRETARY, { name: '一网格第一党小组', level: 'party_group', parentId: branch.id, unitCode: GRID });
    const leader = await organisations.appointOfficer(SECRETARY, group.id, { memberId: await member(branch), role: 'secretary', startsOn: '2025-01-01' });
    const future = await organisations.appointOfficer(SECRETARY, group.id, { memberId: await member(branch), role: 'committee_member', startsOn: '2099-01-01' });
    await organisations.update(SECRETARY, group.id, { active: false });
    const terms = new Map((await organisations.listOfficers(SECRETARY, group.id)).map((o) => [o.id, o]));
    expect(terms.get(leader.id)).toMatchObject({ endsOn: today });
    expect(terms.get(future.id)).toMatchObject({ endsOn: '2099-01-01' });
    const ended = await db.query(`select count(*)::int as n from party_building.outbox where type = $1 and aggregate_key = $2`, [PARTY_BUILDING_EVENTS.officerEnded.type, `organisation:${group.id}`]);
    expect(ended.rows[0].n).toBe(2);
  });
});
