import { randomUUID } from 'crypto';
import { residentIdCheckCharacter } from '@gridline/platform';
import { PARTY_STREET, foundPartyTree, registerPartyMember, startPartyStreet } from './support/party-street';
import { fieldsOf, type StreetFixture } from './support/street-fixture';

const { COMMUNITY, OTHER_COMMUNITY, GRID, OTHER_GRID } = PARTY_STREET;
const idNumber = (seq: number) => {
  const first17 = `3705021978021403${seq}`;
  return first17 + residentIdCheckCharacter(first17);
};

/**
 * Officers and the coverage through the gateway: a community committee's secretary appointed once per
 * Idempotency-Key and shown directing the grid centre (masked name), 409 on an overlapping secretary, 400 naming the
 * field, 403 and 404 by role and scope; the coverage of a secretary's community and nothing of another's.
 */
describe('/api/v1/party/organisations/:id/officers and /api/v1/party/coverage', () => {
  let walk: StreetFixture;
  let committeeId: string;
  let branchId: string;
  const members: string[] = [];

  beforeAll(async () => {
    walk = await startPartyStreet({ people: { staff: { sub: 'gs-1', roles: ['grid_staff'], units: [COMMUNITY] } } });
    ({ committee: committeeId, branch: branchId } = await foundPartyTree(walk));
    for (const [seq, name] of [[1, '李红'], [2, '王强']] as const) {
      members.push(await registerPartyMember(walk, { name, idNumber: idNumber(seq), phone: `1390546770${seq}`, status: 'full', joinedOn: '2005-07-01', organisationId: branchId, homeGridCode: GRID }));
    }
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);

  it('appoints the committee’s secretary once per Idempotency-Key and shows them directing the grid centre', async () => {
    const body = { memberId: members[0], role: 'secretary', startsOn: '2026-01-01', directsGridCentre: true };
    const key = randomUUID();
    const first = await call('secretary', 'POST', `/api/v1/party/organisations/${committeeId}/officers`, body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect((await call('secretary', 'POST', `/api/v1/party/organisations/${committeeId}/officers`, body, { 'idempotency-key': key })).json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({ memberName: '李*', role: 'secretary', directsGridCentre: true, endsOn: null });

    const view = (await call('instructor', 'GET', `/api/v1/party/organisations/${committeeId}`)).json();
    expect(view).toMatchObject({ officers: [{ id: first.json().id, memberName: '李*' }], gridCentreDirector: { id: first.json().id } });
    expect(JSON.stringify(view)).not.toContain('李红');

    const overlap = await call('secretary', 'POST', `/api/v1/party/organisations/${committeeId}/officers`, { ...body, memberId: members[1], directsGridCentre: false });
    expect(overlap.statusCode).toBe(409);
    expect(JSON.stringify(overlap.json())).toContain(first.json().id);

    const coverage = (await call('secretary', 'GET', '/api/v1/party/coverage')).json();
    expect(coverage).toMatchObject({ grids: 1, covered: 1, share: 1, communities: [{ unitCode: COMMUNITY, gridCentreDirector: { officerId: first.json().id, memberName: '李*' } }] });
    expect(coverage.branchesWithoutSecretary.map((b: { organisationId: string }) => b.organisationId)).toEqual([branchId]);
    expect(JSON.stringify(coverage)).not.toContain(OTHER_COMMUNITY);
  });

  it('ends a term once, and refuses bad input naming the field', async () => {
    const appointed = (await call('secretary', 'POST', `/api/v1/party/organisations/${branchId}/officers`, { memberId: members[1], role: 'committee_member', startsOn: '2026-02-01' })).json();
    const ended = await call('secretary', 'PATCH', `/api/v1/party/organisations/${branchId}/officers/${appointed.id}`, { endsOn: '2026-03-31' });
    expect(ended.json()).toMatchObject({ endsOn: '2026-03-31', current: false });
    expect((await call('secretary', 'PATCH', `/api/v1/party/organisations/${branchId}/officers/${appointed.id}`, { endsOn: '2026-04-30' })).statusCode).toBe(409);
    expect((await call('secretary', 'GET', `/api/v1/party/organisations/${branchId}/officers`)).json()).toEqual([expect.objectContaining({ id: appointed.id, endsOn: '2026-03-31' })]);

    const badMember = await call('secretary', 'POST', `/api/v1/party/organisations/${branchId}/officers`, { memberId: 'x', role: 'secretary' });
    expect([badMember.statusCode, fieldsOf(badMember)]).toEqual([400, ['memberId']]);
    const unknown = await call('secretary', 'POST', `/api/v1/party/organisations/${branchId}/officers`, { memberId: randomUUID(), role: 'secretary' });
    expect([unknown.statusCode, fieldsOf(unknown)]).toEqual([400, ['memberId']]);
    const backwards = await call('secretary', 'POST', `/api/v1/party/organisations/${branchId}/officers`, { memberId: members[0], role: 'committee_member', startsOn: '2026-05-01', endsOn: '2026-04-01' });
    expect([backwards.statusCode, fieldsOf(backwards)]).toEqual([400, ['endsOn']]);
    expect(fieldsOf(await call('secretary', 'PATCH', `/api/v1/party/organisations/${branchId}/officers/${appointed.id}`, {}))).toEqual(['endsOn']);
    expect(fieldsOf(await call('secretary', 'GET', '/api/v1/party/coverage?unit=x'))).toEqual(['unit']);
  });

  it('answers by role and scope: 403 before the record, 404 out of scope', async () => {
    expect((await call('instructor', 'POST', `/api/v1/party/organisations/${committeeId}/officers`, { memberId: members[1], role: 'committee_member' })).statusCode).toBe(403);
    expect((await call('staff', 'GET', '/api/v1/party/coverage')).statusCode).toBe(403);
    expect((await call('otherSecretary', 'GET', `/api/v1/party/organisations/${committeeId}/officers`)).statusCode).toBe(404);
    expect((await call('otherSecretary', 'POST', `/api/v1/party/organisations/${committeeId}/officers`, { memberId: members[1], role: 'committee_member' })).statusCode).toBe(404);
    expect((await call('secretary', 'GET', `/api/v1/party/coverage?unit=${OTHER_COMMUNITY}`)).statusCode).toBe(404);
    expect((await call('otherSecretary', 'GET', '/api/v1/party/coverage')).json()).toMatchObject({ grids: 1, covered: 0, gridsWithoutBranch: [{ unitCode: OTHER_GRID }] });
  });
});
