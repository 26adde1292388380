import { SYSTEM_CALLER } from '@gridline/auth';
import { eventually, unitFactory } from '@gridline/testing';
import { PARTY_STREET, foundOrganisations, partyStreetUnits, residentIdNumber, startPartyStreet } from './support/party-street';
import { chinaDayFromToday, type StreetFixture } from './support/street-fixture';

const { STREET, COMMUNITY: C1, OTHER_COMMUNITY: C2, GRID: G11, GRID_2: G12, OTHER_GRID: G21 } = PARTY_STREET;
const EG1 = '370502003001101';

describe('GET /api/v1/analytics/party', () => {
  let walk: StreetFixture;
  const ids: Record<string, string> = {};
  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const figures = async (who: string, query: string) => {
    const res = await call(who, 'GET', `/api/v1/analytics/party?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    walk = await startPartyStreet({
      services: ['registry', 'party-building', 'analytics'],
      seed: { units: [...partyStreetUnits({ withGrid2: true }), unitFactory().exclusiveGrid(EG1).at(118.56, 37.4).build()] },
      people: { staff: { sub: 'staff-1', roles: ['grid_staff'], units: [G11] }, member: { sub: 'acct-m1', roles: ['party_member'], units: [] } },
    });
    Object.assign(ids, await foundOrganisations(walk, [
      ['wc', 'working_committee', STREET],
      ['pc1', 'party_committee', C1, 'wc'],
      ['pc2', 'party_committee', C2, 'wc'],
      ['b11', 'branch', G11, 'pc1'],
      ['jb1', 'joint_branch', EG1, 'pc1'],
      ['b21', 'branch', G21, 'pc2'],
    ]));
    expect((await call('admin', 'PATCH', `/api/v1/party/organisations/${ids.b21}`, { active: false })).statusCode).toBe(200);
    const enrol = async (key: string, organisation: string, status: string, seq: number) => {
      const res = await call('admin', 'POST', '/api/v1/party/members', {
        name: '王小明', idNumber: residentIdNumber(seq), phone: '13805461234', status, joinedOn: '2010-07-01', organisationId: ids[organisation], homeGridCode: G11, account: `acct-${key}`,
      });
      expect(res.statusCode).toBe(201);
      ids[key] = res.json().id;
    };
    await enrol('m1', 'b11', 'full', 1);
    await enrol('m2', 'b11', 'probationary', 2);
    await enrol('m3', 'pc1', 'full', 3);
    await enrol('m4', 'jb1', 'full', 4);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('counts branch coverage and members per unit beneath the asked one, as party building’s events tell it', async () => {
    await eventually(
      async () => {
        const street = await figures('analyst', `unit=${STREET}`);
        expect(street.total).toEqual({ grids: 4, gridsWithBranch: 2, coverageShare: 0.5, members: 4, membersByStatus: { full: 3, probationary: 1 }, inServiceRegistrations: 0, activities: 0, attendance: 0, hours: 0 });
        expect(street.units).toEqual([
          { unitCode: C1, level: 'community', grids: 3, gridsWithBranch: 2, coverageShare: 0.667, members: 4, membersByStatus: { full: 3, probationary: 1 }, inServiceRegistrations: 0, activities: 0, attendance: 0, hours: 0 },
          { unitCode: C2, level: 'community', grids: 1, gridsWithBranch: 0, coverageShare: 0, members: 0, membersByStatus: { full: 0, probationary: 0 }, inServiceRegistrations: 0, activities: 0, attendance: 0, hours: 0 },
        ]);
      },
      { timeoutMs: 15_000 },
    );
    const c1 = await figures('secretary', `unit=${C1}&from=2026-11-01&to=2026-11-30`);
    expect(c1).toMatchObject({ unit: C1, from: '2026-11-01', to: '2026-11-30' });
    expect(c1.units.map((u: { unitCode: string; gridsWithBranch: number; members: number }) => [u.unitCode, u.gridsWithBranch, u.members])).toEqual([
      [G11, 1, 2],
      [G12, 0, 0],
      [EG1, 1, 1],
    ]);
  });

  it('follows a transfer, a restored branch and a grid leaving the map; a redelivered event counts once', async () => {
    expect((await call('admin', 'PATCH', `/api/v1/party/organisations/${ids.b21}`, { active: true })).statusCode).toBe(200);
    expect((await call('admin', 'PATCH', `/api/v1/party/members/${ids.m2}`, { organisationId: ids.b21, status: 'full' })).statusCode).toBe(200);
    await walk.registry.updateUnit(SYSTEM_CALLER, G12, { active: false });
    await eventually(
      async () => {
        const street = await figures('analyst', `unit=${STREET}`);
        expect(street.total).toMatchObject({ grids: 3, gridsWithBranch: 3, coverageShare: 1, members: 4, membersByStatus: { full: 4, probationary: 0 } });
        expect(street.units.map((u: { unitCode: string; members: number }) => [u.unitCode, u.members])).toEqual([[C1, 3], [C2, 1]]);
      },
      { timeoutMs: 15_000 },
    );
    await walk.redeliver(
      { service: 'party-building', subject: 'events.party-building.member.created', aggregate: ids.m4, durable: 'analytics-party' },
      { service: 'party-building', subject: 'events.party-building.organisation.updated', aggregate: ids.b21, durable: 'analytics-party' },
    );
    expect((await figures('analyst', `unit=${STREET}`)).total).toMatchObject({ gridsWithBranch: 3, members: 4 });
  });

  it('counts the in-service registrations in force, the activities held, check-ins and approved service hours of the period', async () => {
    // An in-service member registers with the grid they serve (双报到), approved by the street.
    const registered = await call('admin', 'POST', '/api/v1/party/registrations', {
      memberId: ids.m1, workUnit: '东营市税务局', workUnitPartyOrganisation: '东营市税务局机关党委', communityCode: C1, gridCode: G11, post: 'volunteer',
    });
    expect(registered.statusCode).toBe(201);
    expect((await call('admin', 'POST', `/api/v1/party/registrations/${registered.json().id}/approve`, {})).statusCode).toBe(200);
    const now = Date.now();
    const scheduled = await call('admin', 'POST', '/api/v1/party/activities', {
      organisationId: ids.b11, kind: 'volunteer_service', title: '清扫楼道', startsAt: new Date(now + 10 * 60_000).toISOString(), endsAt: new Date(now + 70 * 60_000).toISOString(),
      address: '文汇小区3号楼', capacity: 10, audience: 'organisation', hours: 2,
    });
    expect(scheduled.statusCode).toBe(201);
    const activity = scheduled.json().id;
    expect((await call('member', 'POST', `/api/v1/party/activities/${activity}/sign-ups`, {})).statusCode).toBe(200);
    const code = await call('admin', 'POST', `/api/v1/party/activities/${activity}/check-in-code`, {});
    expect(code.statusCode).toBe(201);
    expect((await call('member', 'POST', `/api/v1/party/activities/${activity}/check-ins`, { code: code.json().code })).statusCode).toBe(200);
    // The activity is over (its times moved in party building's own table, instead of waiting) and reported.
    const db = await walk.db();
    await db.query(`update party_building.activity set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = $1`, [activity]);
    expect((await call('admin', 'POST', `/api/v1/party/activities/${activity}/report`, { summary: '清扫了三个单元的楼道' })).statusCode).toBe(201);
    // A grid task, recorded pending, then approved by the branch's keeper.
    const task = await call('admin', 'POST', `/api/v1/party/members/${ids.m3}/ledger`, { task: 'visit', day: chinaDayFromToday(0), hours: 1.5 });
    expect(task.statusCode).toBe(201);
    const decided = await call('admin', 'POST', `/api/v1/party/ledger/records/${task.json().id}/decision`, { decision: 'approved' });
    expect(decided.statusCode).toBe(200);

    const period = `from=${chinaDayFromToday(-1)}&to=${chinaDayFromToday(1)}`;
    await eventually(
      async () => {
        const c1 = await figures('analyst', `unit=${C1}&${period}`);
        expect(c1.total).toMatchObject({ inServiceRegistrations: 1, activities: 1, attendance: 1, hours: 3.5 });
        expect(c1.units.find((u: { unitCode: string }) => u.unitCode === G11)).toMatchObject({ inServiceRegistrations: 1, activities: 1, attendance: 1, hours: 2 });
      },
      { timeoutMs: 15_000 },
    );
    // Outside the period: none of it.
    expect((await figures('analyst', `unit=${C1}&from=2026-01-01&to=2026-01-31`)).total).toMatchObject({ inServiceRegistrations: 0, activities: 0, attendance: 0, hours: 0 });
    await walk.redeliver(
      { service: 'party-building', subject: 'events.party-building.attendance.recorded', aggregate: activity, durable: 'analytics-party' },
      { service: 'party-building', subject: 'events.party-building.registration.approved', aggregate: registered.json().id, durable: 'analytics-party' },
    );
    expect((await figures('analyst', `unit=${C1}&${period}`)).total).toMatchObject({ inServiceRegistrations: 1, activities: 1, attendance: 1, hours: 3.5 });
  });

  it('answers within the caller’s scope and only to party readers', async () => {
    expect((await call('secretary', 'GET', `/api/v1/analytics/party?unit=${STREET}`)).statusCode).toBe(404);
    expect((await call('secretary', 'GET', `/api/v1/analytics/party?unit=${C2}`)).statusCode).toBe(404);
    expect((await figures('secretary', '')).units.map((u: { unitCode: string }) => u.unitCode)).toEqual([C1]);
    expect((await call('staff', 'GET', `/api/v1/analytics/party?unit=${G11}`)).statusCode).toBe(403);
    const bad = await call('analyst', 'GET', `/api/v1/analytics/party?unit=${STREET}&from=2026-12-02&to=2026-12-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ANALYTICS_INVALID', errors: [{ field: 'from' }] });
  });
});
