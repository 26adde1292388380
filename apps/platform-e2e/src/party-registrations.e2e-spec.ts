import { randomUUID } from 'crypto';
import { residentIdCheckCharacter } from '@gridline/platform';
import { eventually } from '@gridline/testing';
import { PARTY_STREET, foundPartyTree, registerPartyMember, startPartyStreet } from './support/party-street';
import { fieldsOf, type StreetFixture } from './support/street-fixture';

const { COMMUNITY, GRID } = PARTY_STREET;
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
    walk = await startPartyStreet({ people: { staff: { sub: 'gs-1', roles: ['grid_staff'], units: [GRID] } } });
    const { branch } = await foundPartyTree(walk);
    await registerPartyMember(walk, { name: '赵志刚', idNumber: idNumber(1), phone: '13905467701', status: 'full', joinedOn: '2005-07-01', organisationId: branch, homeGridCode: GRID, account: 'member-1' });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
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
    expect(fieldsOf(await call('member', 'POST', '/api/v1/party/registrations', { ...body, post: 'cook' }))).toEqual(['post']);
    expect(fieldsOf(await call('member', 'POST', '/api/v1/party/registrations', { ...body, gridCode: 'x' }))).toEqual(['gridCode']);
    expect(fieldsOf(await call('member', 'POST', '/api/v1/party/registrations', { ...body, workUnit: ' ' }))).toEqual(['workUnit']);
    expect(fieldsOf(await call('member', 'POST', '/api/v1/party/registrations', { ...body, endsOn: '2026-10-31' }))).toEqual(['endsOn']);
    const [registration] = (await call('member', 'GET', '/api/v1/party/me/registrations')).json().items;
    expect(fieldsOf(await call('secretary', 'POST', `/api/v1/party/registrations/${registration.id}/reject`, {}))).toEqual(['reason']);
    expect(fieldsOf(await call('member', 'POST', `/api/v1/party/registrations/${registration.id}/end`, { endsOn: '2026-02-30' }))).toEqual(['endsOn']);
    expect((await call('member', 'GET', '/api/v1/party/registrations/not-a-uuid')).statusCode).toBe(400);
  });
});
