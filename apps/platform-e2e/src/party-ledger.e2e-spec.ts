import { cstYear } from '@gridline/platform';
import { PARTY_STREET, foundPartyTree, registerPartyMember, startPartyStreet } from './support/party-street';
import { chinaDayFromToday, fieldsOf, type StreetFixture } from './support/street-fixture';

const { COMMUNITY, GRID, GRID_2 } = PARTY_STREET;

/** A party member's service through the gateway: recorded, approved by the branch secretary, in the ledger and totals. */
describe('the party service ledger through the gateway', () => {
  let walk: StreetFixture;
  let memberId: string;
  let branchId: string;
  const call: StreetFixture['call'] = (...args) => walk.call(...args);

  beforeAll(async () => {
    // The branch's own secretary, and the secretary of the community's other grid.
    walk = await startPartyStreet({
      withGrid2: true,
      people: { secretary: { sub: 'sec-1', roles: ['party_secretary'], units: [GRID] }, otherSecretary: { sub: 'sec-2', roles: ['party_secretary'], units: [GRID_2] } },
    });
    ({ branch: branchId } = await foundPartyTree(walk));
    memberId = await registerPartyMember(walk, { name: '李红', idNumber: '11010519491231002X', phone: '13805461234', status: 'full', joinedOn: '2012-07-01', organisationId: branchId, homeGridCode: GRID, account: 'member-1' });
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('records a member’s grid task, approved by their branch secretary only, and counts it', async () => {
    const today = chinaDayFromToday(0);
    const bad = await call('member', 'POST', '/api/v1/party/me/ledger', { task: 'visit', day: today, hours: 0.3 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['hours']);
    expect(fieldsOf(await call('member', 'POST', '/api/v1/party/me/ledger', { task: 'visit', day: chinaDayFromToday(1), hours: 1 }))).toEqual(['day']);

    const body = { task: 'visit', day: today, hours: 1.5, note: '陪同入户走访' };
    const created = await call('member', 'POST', '/api/v1/party/me/ledger', body, { 'idempotency-key': 'ledger-retry-0001' });
    expect(created.statusCode).toBe(201);
    const record = created.json();
    // A retried create (same key, same body) records nothing twice.
    expect((await call('member', 'POST', '/api/v1/party/me/ledger', body, { 'idempotency-key': 'ledger-retry-0001' })).json().id).toBe(record.id);
    expect(record).toMatchObject({ memberId, organisationId: branchId, hours: 1.5, points: 3, status: 'pending' });

    expect((await call('member', 'POST', `/api/v1/party/ledger/records/${record.id}/decision`, { decision: 'approved' })).statusCode).toBe(403);
    expect((await call('otherSecretary', 'POST', `/api/v1/party/ledger/records/${record.id}/decision`, { decision: 'approved' })).statusCode).toBe(404);
    const queue = await call('secretary', 'GET', '/api/v1/party/ledger/records?status=pending');
    expect(queue.json().items.map((r: { id: string }) => r.id)).toEqual([record.id]);
    const approved = await call('secretary', 'POST', `/api/v1/party/ledger/records/${record.id}/decision`, { decision: 'approved' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'sec-1' });

    const mine = await call('member', 'GET', `/api/v1/party/me/ledger?year=${cstYear()}`);
    expect(mine.json()).toMatchObject({ memberId, approved: { hours: 1.5, points: 3, records: 1 }, pending: { hours: 0, records: 0 } });
    expect((await call('instructor', 'GET', `/api/v1/party/members/${memberId}/ledger`)).json().approved.hours).toBe(1.5);
    expect((await call('otherSecretary', 'GET', `/api/v1/party/members/${memberId}/ledger`)).statusCode).toBe(404);

    const totals = await call('instructor', 'GET', `/api/v1/party/ledger/totals?unit=${COMMUNITY}`);
    expect(totals.statusCode).toBe(200);
    expect(totals.json().byOrganisation).toEqual([expect.objectContaining({ organisationId: branchId, unitCode: GRID, hours: 1.5, points: 3, members: 1 })]);
    expect(totals.json().byUnit.map((u: { unitCode: string }) => u.unitCode)).toEqual([COMMUNITY, GRID]);
    expect(fieldsOf(await call('instructor', 'GET', '/api/v1/party/ledger/totals?year=twenty'))).toEqual(['year']);
    expect((await call('member', 'GET', '/api/v1/party/ledger/totals')).statusCode).toBe(403);
  });
});
