import { randomUUID } from 'crypto';
import { residentIdCheckCharacter } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const OTHER_COMMUNITY = '370502003002';
const GRID = '370502003001001';
const OTHER_GRID = '370502003002001';
const idNumber = (seq: number) => {
  const first17 = `3705021980061503${seq}`;
  return first17 + residentIdCheckCharacter(first17);
};

/**
 * Dual registration through the gateway: a member registers themself once per Idempotency-Key, the community's
 * secretary approves, the registry lists the member on the grid and the registration shows the hand-off done; roles
 * (403 before the record), scope (404), bad input (400 naming the field).
 */
describe('/api/v1/party/registrations', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'party-building'], gateway: true });
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().grid(OTHER_GRID).at(118.52, 37.4).build(),
      ],
    });
    await walk.sign({
      admin: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      secretary: { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] },
      otherSecretary: { sub: 'sec-2', roles: ['party_secretary'], units: [OTHER_COMMUNITY] },
      instructor: { sub: 'ins-1', roles: ['grid_instructor'], units: [COMMUNITY] },
      staff: { sub: 'gs-1', roles: ['grid_staff'], units: [GRID] },
      member: { sub: 'member-1', roles: ['party_member'], units: [] },
    });
    const create = (body: object) => walk.untilCreated(() => walk.call('admin', 'POST', '/api/v1/party/organisations', body));
    const top = (await create({ name: '街道党工委', level: 'working_committee', unitCode: STREET })).json();
    const committee = (await create({ name: '一社区党委', level: 'party_committee', parentId: top.id, unitCode: COMMUNITY })).json();
    const branch = (await create({ name: '一网格支部', level: 'branch', parentId: committee.id, unitCode: GRID })).json();
    const member = { name: '赵志刚', idNumber: idNumber(1), phone: '13905467701', status: 'full', joinedOn: '2005-07-01', organisationId: branch.id, homeGridCode: GRID, account: 'member-1' };
    expect((await walk.call('admin', 'POST', '/api/v1/party/members', member)).statusCode).toBe(201);
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);
  const body = { workUnit: '东营市某某局', workUnitPartyOrganisation: '中共东营市某某局机关委员会', communityCode: COMMUNITY, gridCode: GRID, post: 'policy_promoter', startsOn: '2026-11-01' };

  it('registers the member once per Idempotency-Key; the community’s secretary approves; the registry lists them on the grid', async () => {
    const key = randomUUID();
    const first = await call('member', 'POST', '/api/v1/party/registrations', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ memberName: '赵**', state: 'submitted', post: 'policy_promoter', gridName: expect.any(String), handoff: { status: 'none' } });
    expect((await call('member', 'POST', '/api/v1/party/registrations', body, { 'idempotency-key': key })).json().id).toBe(first.json().id);
    const id = first.json().id as string;

    expect((await call('secretary', 'POST', `/api/v1/party/registrations/${id}/approve`)).json()).toMatchObject({ state: 'approved', handoff: { status: 'pending' } });
    const done = await eventually(async () => {
      const view = (await call('member', 'GET', `/api/v1/party/registrations/${id}`)).json();
      expect(view.handoff.status).toBe('done');
      return view;
    }, { timeoutMs: 15_000 });
    const people = (await call('admin', 'GET', `/api/v1/units/${GRID}/people?role=in_service_party_member`)).json();
    expect(people).toEqual([expect.objectContaining({ id: done.handoff.assignmentId, personName: '赵志刚', role: 'in_service_party_member', startsOn: '2026-11-01' })]);
    expect((await call('member', 'GET', '/api/v1/party/me/registrations')).json()).toMatchObject({ total: 1, items: [{ id }] });
    expect((await call('instructor', 'GET', `/api/v1/party/registrations?unit=${COMMUNITY}&state=approved`)).json()).toMatchObject({ total: 1, items: [{ id }] });
    // The member's name in clear went to the registry only: no party-building answer carries it.
    expect(JSON.stringify(done)).not.toContain('赵志刚');
  });

  it('answers by role and scope: 403 before the record, 404 out of scope', async () => {
    const [registration] = (await call('secretary', 'GET', '/api/v1/party/registrations')).json().items;
    expect((await call('instructor', 'POST', `/api/v1/party/registrations/${registration.id}/approve`)).statusCode).toBe(403);
    expect((await call('member', 'POST', `/api/v1/party/registrations/${registration.id}/reject`, { reason: '不批' })).statusCode).toBe(403);
    expect((await call('staff', 'GET', '/api/v1/party/registrations')).statusCode).toBe(403);
    expect((await call('otherSecretary', 'GET', `/api/v1/party/registrations/${registration.id}`)).statusCode).toBe(404);
    expect((await call('otherSecretary', 'POST', `/api/v1/party/registrations/${registration.id}/end`, {})).statusCode).toBe(404);
    expect((await call('otherSecretary', 'GET', '/api/v1/party/registrations')).json()).toMatchObject({ total: 0 });
  });

  it('refuses bad input naming the field', async () => {
    expect(fields(await call('member', 'POST', '/api/v1/party/registrations', { ...body, post: 'cook' }))).toEqual(['post']);
    expect(fields(await call('member', 'POST', '/api/v1/party/registrations', { ...body, gridCode: 'x' }))).toEqual(['gridCode']);
    expect(fields(await call('member', 'POST', '/api/v1/party/registrations', { ...body, workUnit: ' ' }))).toEqual(['workUnit']);
    expect(fields(await call('member', 'POST', '/api/v1/party/registrations', { ...body, endsOn: '2026-10-31' }))).toEqual(['endsOn']);
    const [registration] = (await call('member', 'GET', '/api/v1/party/me/registrations')).json().items;
    expect(fields(await call('secretary', 'POST', `/api/v1/party/registrations/${registration.id}/reject`, {}))).toEqual(['reason']);
    expect(fields(await call('member', 'POST', `/api/v1/party/registrations/${registration.id}/end`, { endsOn: '2026-02-30' }))).toEqual(['endsOn']);
    expect((await call('member', 'GET', '/api/v1/party/registrations/not-a-uuid')).statusCode).toBe(400);
  });
});
