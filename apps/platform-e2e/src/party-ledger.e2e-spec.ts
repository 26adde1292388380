import { cstYear } from '@gridline/platform';
import { unitFactory } from '@gridline/testing';
import { StreetFixture, chinaDayFromToday } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';

/** A party member's service through the gateway: recorded, approved by the branch secretary, in the ledger and totals. */
describe('the party service ledger through the gateway', () => {
  let walk: StreetFixture;
  let memberId: string;
  let branchId: string;
  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'party-building'], gateway: true });
    await walk.seed({ units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().grid(OTHER_GRID).at(118.52, 37.4).build()] });
    await walk.sign({
      admin: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      secretary: { sub: 'sec-1', roles: ['party_secretary'], units: [GRID] },
      otherSecretary: { sub: 'sec-2', roles: ['party_secretary'], units: [OTHER_GRID] },
      instructor: { sub: 'gi-1', roles: ['grid_instructor'], units: [COMMUNITY] },
      member: { sub: 'member-1', roles: ['party_member'], units: [] },
    });
    const top = (await walk.untilCreated(() => call('admin', 'POST', '/api/v1/party/organisations', { name: '街道党工委', level: 'working_committee', unitCode: STREET }))).json();
    const committee = (await walk.untilCreated(() => call('admin', 'POST', '/api/v1/party/organisations', { name: '社区党委', level: 'party_committee', parentId: top.id, unitCode: COMMUNITY }))).json();
    branchId = (await walk.untilCreated(() => call('admin', 'POST', '/api/v1/party/organisations', { name: '一网格支部', level: 'branch', parentId: committee.id, unitCode: GRID }))).json().id;
    const member = await call('admin', 'POST', '/api/v1/party/members', { name: '李红', idNumber: '11010519491231002X', phone: '13805461234', status: 'full', joinedOn: '2012-07-01', organisationId: branchId, homeGridCode: GRID, account: 'member-1' });
    expect(member.statusCode).toBe(201);
    memberId = member.json().id;
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
