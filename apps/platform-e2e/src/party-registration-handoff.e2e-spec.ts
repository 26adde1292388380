import { connect, type NatsConnection } from 'nats';
import type { Client } from 'pg';
import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { MembersClient, OrganisationsClient, PARTY_BUILDING_EVENTS, PartyErrorCode, RegistrationsClient, type RegistrationView } from '@gridline/contracts-party-building';
import { RegistryClient, RegistryPeopleClient } from '@gridline/contracts-registry';
import { withPrefix } from '@gridline/messaging';
import { AppError, residentIdCheckCharacter } from '@gridline/platform';
import { TEST_SERVERS, eventually, type TestPlatform } from '@gridline/testing';
import { PARTY_STREET, partyStreetUnits } from './support/party-street';
import { StreetFixture } from './support/street-fixture';

const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID, GRID_2: SECOND_GRID, OTHER_GRID } = PARTY_STREET;
const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] };
const GRID_SECRETARY: Caller = { sub: 'sec-g', roles: ['party_secretary'], units: [GRID] };
const OTHER_SECRETARY: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: [OTHER_COMMUNITY] };
const MEMBER: Caller = { sub: 'member-account-1', roles: ['party_member'], units: [] };
const SECOND_MEMBER: Caller = { sub: 'member-account-2', roles: ['party_member'], units: [] };

const idNumber = (seq: number) => {
  const first17 = `37050219850317${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('dual registration (双报到): an approved registration makes the member an in_service_party_member of the grid in the registry', () => {
  let walk: StreetFixture;
  let platform: TestPlatform;
  let registrations: RegistrationsClient;
  let people: RegistryPeopleClient;
  let registry: RegistryClient;
  let db: Client;
  let nc: NatsConnection;
  let memberId: string;
  let secondMemberId: string;

  const body = (gridCode: string = GRID) => ({ workUnit: '东营市某某局', workUnitPartyOrganisation: '中共东营市某某局机关委员会', communityCode: COMMUNITY, gridCode, post: 'building_chief' as const, startsOn: '2026-01-01' });
  const inService = async (grid: string) => (await people.unitPeople(ADMIN, grid, { role: 'in_service_party_member', includeInactive: true })).filter((a) => a.role === 'in_service_party_member');
  const settled = (id: string, status: 'done' | 'failed') =>
    eventually(async () => {
      const view = await registrations.get(SECRETARY, id);
      expect(view.handoff.status).toBe(status);
      return view;
    }, { timeoutMs: 15_000 });

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'party-building'] });
    platform = walk.platform;
    const bus = await platform.bus();
    registrations = new RegistrationsClient(bus);
    people = new RegistryPeopleClient(bus);
    registry = new RegistryClient(bus);
    db = await walk.db();
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    for (const unit of partyStreetUnits({ withGrid2: true })) await registry.createUnit(ADMIN, unit);
    // party-building's copy of the map follows the registry's events.
    await eventually(async () => expect((await db.query('select count(*)::int as n from party_building.registry_unit')).rows[0].n).toBe(6), { timeoutMs: 15_000 });
    const organisations = new OrganisationsClient(bus);
    const top = await organisations.create(ADMIN, { name: '街道党工委', level: 'working_committee', unitCode: STREET });
    const committee = await organisations.create(ADMIN, { name: '一社区党委', level: 'party_committee', parentId: top.id, unitCode: COMMUNITY });
    const branch = await organisations.create(ADMIN, { name: '一网格支部', level: 'branch', parentId: committee.id, unitCode: GRID });
    const members = new MembersClient(bus);
    const member = { status: 'full' as const, joinedOn: '2010-07-01', organisationId: branch.id, homeGridCode: GRID };
    memberId = (await members.create(ADMIN, { ...member, name: '王小明', idNumber: idNumber(11), phone: '13805461234', account: MEMBER.sub })).id;
    secondMemberId = (await members.create(ADMIN, { ...member, name: '李红梅', idNumber: idNumber(12), phone: '13805461235', account: SECOND_MEMBER.sub })).id;
  });

  afterAll(async () => {
    await nc?.close();
    await walk?.close();
  });

  let approved: RegistrationView;

  it('approve → the registry lists the member on the grid as in_service_party_member, and the registration shows the assignment', async () => {
    const submitted = await registrations.submit(MEMBER, body());
    expect(submitted).toMatchObject({ memberId, memberName: '王**', state: 'submitted', gridCode: GRID, communityCode: COMMUNITY, handoff: { status: 'none' } });
    // One current registration per member: the second is refused, naming the first to its member.
    expect((await refusal(registrations.submit(MEMBER, body(SECOND_GRID)))).details).toMatchObject({ existingId: submitted.id });
    expect((await refusal(registrations.submit(OTHER_SECRETARY, { ...body(OTHER_GRID), communityCode: OTHER_COMMUNITY, memberId }))).code).toBe(PartyErrorCode.MemberNotFound);

    // Only the community's party committee decides: another community's secretary finds nothing, a grid branch's may not.
    expect((await refusal(registrations.approve(OTHER_SECRETARY, submitted.id))).code).toBe(PartyErrorCode.RegistrationNotFound);
    expect((await refusal(registrations.approve(GRID_SECRETARY, submitted.id))).kind).toBe('forbidden');
    expect((await refusal(registrations.approve(MEMBER, submitted.id))).kind).toBe('forbidden');

    expect(await registrations.approve(SECRETARY, submitted.id)).toMatchObject({ state: 'approved', decidedBy: SECRETARY.sub, handoff: { status: 'pending' } });
    approved = await settled(submitted.id, 'done');
    const [assignment] = await eventually(async () => {
      const found = await inService(GRID);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(assignment).toMatchObject({ id: approved.handoff.assignmentId, personId: approved.handoff.personId, personName: '王小明', startsOn: '2026-01-01', endsOn: null });
    expect((await registrations.mine(MEMBER, {})).items.map((r) => r.id)).toEqual([submitted.id]);
    expect((await registrations.list(OTHER_SECRETARY, {})).items).toEqual([]);
  });

  it('the same approved event delivered again (its inbox row gone, a copy on the stream) makes no second person or assignment', async () => {
    const { rows } = await db.query('select subject, payload from party_building.outbox where type = $1 and aggregate_key = $2', [PARTY_BUILDING_EVENTS.registrationApproved.type, `registration:${approved.id}`]);
    expect(rows).toHaveLength(1);
    const event = rows[0].payload as { id: string };
    const inbox = () => db.query('select 1 from registry.inbox where consumer = $1 and event_id = $2', ['registry-party-registrations', event.id]);
    expect((await inbox()).rowCount).toBe(1);
    await db.query('delete from registry.inbox where consumer = $1 and event_id = $2', ['registry-party-registrations', event.id]);
    // Without a message id, JetStream keeps the copy: the consumer sees the same CloudEvent again.
    await nc.jetstream().publish(withPrefix(platform.prefix, rows[0].subject), Buffer.from(JSON.stringify(event)));
    await eventually(async () => expect((await inbox()).rowCount).toBe(1), { timeoutMs: 15_000 });
    expect(await inService(GRID)).toHaveLength(1);
    expect((await db.query(`select count(*)::int as n from registry.person where source = $1`, [`party-building.member:${memberId}`])).rows[0].n).toBe(1);
  });

  it('end → the registry ends the assignment; registering again later reuses the member’s registry person', async () => {
    const ended = await registrations.end(MEMBER, approved.id, { endsOn: '2026-06-30' });
    expect(ended).toMatchObject({ state: 'ended', endsOn: '2026-06-30' });
    await eventually(async () => expect((await inService(GRID))[0]).toMatchObject({ id: approved.handoff.assignmentId, endsOn: '2026-06-30' }), { timeoutMs: 15_000 });
    expect((await refusal(registrations.end(MEMBER, approved.id))).code).toBe(PartyErrorCode.RegistrationState);

    const again = await registrations.submit(SECRETARY, { ...body(SECOND_GRID), memberId, startsOn: '2026-07-01' });
    await registrations.approve(SECRETARY, again.id);
    const done = await settled(again.id, 'done');
    expect(done.handoff.personId).toBe(approved.handoff.personId);
    expect(await inService(SECOND_GRID)).toEqual([expect.objectContaining({ personId: approved.handoff.personId, startsOn: '2026-07-01' })]);
  });

  it('a grid the registry refuses shows the hand-off failed with the reason, nothing parked in the dead letters', async () => {
    const submitted = await registrations.submit(SECOND_MEMBER, body());
    await registry.updateUnit(ADMIN, GRID, { active: false });
    await registrations.approve(SECRETARY, submitted.id);
    const failed = await settled(submitted.id, 'failed');
    expect(failed.handoff.reason).toMatch(/not active/);
    expect(failed.handoff.assignmentId).toBeNull();
    expect((await db.query('select count(*)::int as n from registry.dead_letter')).rows[0].n).toBe(0);
    expect((await people.unitPeople(ADMIN, GRID, {})).filter((a) => a.personName === '李红梅')).toEqual([]);
  });

  it('answers the member’s name only to the registry itself, and refuses bad input naming the field', async () => {
    expect((await refusal(registrations.handoff(ADMIN, approved.id))).kind).toBe('forbidden');
    const seed = new RegistrationsClient(await platform.bus('seed'));
    expect((await refusal(seed.handoff(SYSTEM_CALLER, approved.id))).kind).toBe('forbidden');
    const bad = await refusal(registrations.submit(SECRETARY, { ...body(), memberId, post: 'cook' } as never));
    expect(bad.kind).toBe('validation');
    expect(JSON.stringify(bad.details)).toContain('post');
    const early = await refusal(registrations.submit(SECRETARY, { ...body(SECOND_GRID), memberId: secondMemberId, endsOn: '2025-12-31' }));
    expect(early.details).toMatchObject({ fields: [expect.objectContaining({ field: 'endsOn' })] });
    const outside = await refusal(registrations.submit(SECRETARY, { ...body(OTHER_GRID), memberId: secondMemberId }));
    expect(outside.details).toMatchObject({ field: 'gridCode' });
    // The name went to the registry's person, and nowhere else: no service logged it.
    for (const service of platform.services) expect(service.logs.text()).not.toMatch(/王小明|李红梅|13805461234/);
  });
});
