import { randomUUID } from 'crypto';
import { cstYear } from '@gridline/platform';
import { PARTY_STREET, foundOtherCommunity, foundPartyTree, registerPartyMember, startPartyStreet } from './support/party-street';
import { fieldsOf, type StreetFixture } from './support/street-fixture';

const { GRID } = PARTY_STREET;
const MINUTE = 60_000;

/**
 * A party activity walked through the gateway: scheduled once per Idempotency-Key by the branch's secretary, signed
 * up for by a member with their own token, checked in with the code shown at the activity (a wrong code named on
 * `code`, a second check-in 409), the hours on the member's service ledger once, the member's own list — and nothing
 * for another community's secretary or an analyst.
 */
describe('/api/v1/party/activities', () => {
  let walk: StreetFixture;
  let branchId: string;
  let otherBranchId: string;
  let memberId: string;
  const call: StreetFixture['call'] = (...args) => walk.call(...args);

  beforeAll(async () => {
    walk = await startPartyStreet();
    const tree = await foundPartyTree(walk);
    branchId = tree.branch;
    ({ otherBranch: otherBranchId } = await foundOtherCommunity(walk, tree.top));
    memberId = await registerPartyMember(walk, { name: '李红', idNumber: '11010519491231002X', phone: '13805461234', status: 'full', joinedOn: '2012-07-01', organisationId: branchId, homeGridCode: GRID, account: 'member-1' });
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('schedules, signs up, checks in by the code and credits the hours once', async () => {
    const body = {
      organisationId: branchId,
      kind: 'volunteer_service',
      title: '志愿服务：清理楼道',
      startsAt: new Date(Date.now() + 10 * MINUTE).toISOString(),
      endsAt: new Date(Date.now() + 130 * MINUTE).toISOString(),
      address: '幸福路 1 号',
      capacity: 20,
      audience: 'organisation',
      hours: 2,
    };
    const key = randomUUID();
    const created = await call('secretary', 'POST', '/api/v1/party/activities', body, { 'idempotency-key': key });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await call('secretary', 'POST', '/api/v1/party/activities', body, { 'idempotency-key': key })).json().id).toBe(id);
    expect((await call('analyst', 'POST', '/api/v1/party/activities', body)).statusCode).toBe(403);
    expect(fieldsOf(await call('secretary', 'POST', '/api/v1/party/activities', { ...body, capacity: 0 }))).toEqual(['capacity']);
    expect((await call('otherSecretary', 'GET', `/api/v1/party/activities/${id}`)).statusCode).toBe(404);

    const signUp = await call('member', 'POST', `/api/v1/party/activities/${id}/sign-ups`, {});
    expect(signUp.statusCode).toBe(200);
    expect(signUp.json()).toMatchObject({ memberId, status: 'signed_up' });
    expect((await call('member', 'POST', `/api/v1/party/activities/${id}/sign-ups`, {})).json().id).toBe(signUp.json().id);
    expect((await call('member', 'GET', `/api/v1/party/activities/${id}`)).json()).toMatchObject({ id, signedUp: 1 });

    expect((await call('member', 'POST', `/api/v1/party/activities/${id}/check-in-code`)).statusCode).toBe(403);
    const opened = await call('secretary', 'POST', `/api/v1/party/activities/${id}/check-in-code`);
    expect(opened.statusCode).toBe(201);
    const { code } = opened.json();
    const wrong = await call('member', 'POST', `/api/v1/party/activities/${id}/check-ins`, { code: code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA' });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['code']);
    const checkedIn = await call('member', 'POST', `/api/v1/party/activities/${id}/check-ins`, { code });
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json()).toMatchObject({ hours: 2, creditRefused: null, signUp: { memberId } });
    expect((await call('member', 'POST', `/api/v1/party/activities/${id}/check-ins`, { code })).statusCode).toBe(409);

    const ledger = (await call('member', 'GET', `/api/v1/party/me/ledger?year=${cstYear()}`)).json();
    expect(ledger.records.filter((r: { kind: string }) => r.kind === 'activity')).toHaveLength(1);
    expect(ledger.approved).toMatchObject({ hours: 2 });
    const mine = await call('member', 'GET', '/api/v1/party/me/activities?page=1&pageSize=10');
    expect(mine.json()).toMatchObject({ total: 1, items: [{ activity: { id }, signUp: { memberId } }] });
    expect((await call('otherSecretary', 'GET', '/api/v1/party/activities')).json()).toMatchObject({ total: 0 });
    expect((await call('secretary', 'GET', `/api/v1/party/activities?unit=${GRID}`)).json()).toMatchObject({ total: 1, items: [{ id }] });
  });

  it('lists the activities open to the member: their audience admits them, a seat is free, they have not signed up yet', async () => {
    const body = (organisationId: string, title: string, audience: string, capacity = 5) => ({
      organisationId,
      kind: 'study',
      title,
      startsAt: new Date(Date.now() + 30 * MINUTE).toISOString(),
      endsAt: new Date(Date.now() + 90 * MINUTE).toISOString(),
      address: '幸福路 2 号',
      capacity,
      audience,
      hours: 1,
    });
    const ours = (await call('secretary', 'POST', '/api/v1/party/activities', body(branchId, '学习：本支部', 'organisation'))).json();
    const theirs = (await call('admin', 'POST', '/api/v1/party/activities', body(otherBranchId, '学习：二网格支部', 'organisation'))).json();
    const everyone = (await call('admin', 'POST', '/api/v1/party/activities', body(otherBranchId, '学习：全体党员', 'all'))).json();

    const open = await call('member', 'GET', '/api/v1/party/me/activities/open?page=1&pageSize=10');
    expect(open.statusCode).toBe(200);
    const ids = open.json().items.map((i: { activity: { id: string } }) => i.activity.id);
    expect(ids).toEqual([ours.id, everyone.id]);
    expect(ids).not.toContain(theirs.id);
    expect(open.json().items[0]).toMatchObject({ activity: { id: ours.id }, seatsLeft: 5 });

    expect((await call('member', 'POST', `/api/v1/party/activities/${everyone.id}/sign-ups`, {})).statusCode).toBe(200);
    const after = (await call('member', 'GET', '/api/v1/party/me/activities/open')).json();
    expect(after.items.map((i: { activity: { id: string } }) => i.activity.id)).toEqual([ours.id]);
    expect((await call('secretary', 'GET', '/api/v1/party/me/activities/open')).statusCode).toBe(403);
  });
});
