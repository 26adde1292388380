import { AnalyticsConfig, rebuildProjections } from '@gridline/app-analytics';
import { SYSTEM_CALLER } from '@gridline/auth';
import { RegistryPeopleClient } from '@gridline/contracts-registry';
import { eventually } from '@gridline/testing';
import { PARTY_STREET, foundOrganisations, partyStreetUnits, registerPartyMember, residentIdNumber, startPartyStreet } from './support/party-street';
import { chinaDayFromToday, type StreetFixture } from './support/street-fixture';

const { STREET, COMMUNITY: C1, OTHER_COMMUNITY: C2, GRID: G11, OTHER_GRID: G21 } = PARTY_STREET;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * An analytics started after party building's stream lost its first messages (aged out: here purged) fills its party
 * projection from party building's snapshot and the stream's rest, and answers the party figures and the staff
 * workload's party hours the live one answered; so does a rebuild of it.
 */
describe('analytics started late: the party projection from party building’s snapshot and the stream', () => {
  let walk: StreetFixture;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: object, status = 201) => {
    const res = await walk.call('admin', 'POST', `/api/v1/party/${path}`, body);
    expect({ path, status: res.statusCode }).toEqual({ path, status });
    return res.json();
  };
  /** The party figures of the street, each community and the branch's grid, over the last week and by default; the street's staff workload (its party hours). */
  const answers = async () => {
    const got = [];
    const week = `from=${chinaDayFromToday(-7)}&to=${chinaDayFromToday(1)}`;
    for (const query of [`party?unit=${STREET}`, `party?unit=${STREET}&${week}`, `party?unit=${C1}&${week}`, `party?unit=${C2}&${week}`, `party?unit=${G11}&${week}`, `workload?unit=${STREET}&${week}`]) {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/${query}`);
      expect(res.statusCode).toBe(200);
      got.push(res.json());
    }
    return got;
  };

  beforeAll(async () => {
    walk = await startPartyStreet({ services: ['registry', 'party-building', 'analytics'], seed: { units: partyStreetUnits({ withGrid2: true }) } });
    // The grid staff whose logins are m1's and m3's: the workload's rows (a late analytics names them from the registry).
    const people = new RegistryPeopleClient(walk.seedBus);
    for (const [name, account, grid] of [['王小明', 'acct-m1', G11], ['李红', 'acct-m3', G21]] as const) {
      const person = await people.createPerson(SYSTEM_CALLER, { name, account });
      await people.assignPerson(SYSTEM_CALLER, grid, { personId: person.id, role: 'grid_staff', startsOn: '2026-01-01' });
    }
    Object.assign(ids, await foundOrganisations(walk, [
      ['wc', 'working_committee', STREET],
      ['pc1', 'party_committee', C1, 'wc'],
      ['pc2', 'party_committee', C2, 'wc'],
      ['b11', 'branch', G11, 'pc1'],
      ['b21', 'branch', G21, 'pc2'],
    ]));
    // The other community's branch dissolved.
    expect((await walk.call('admin', 'PATCH', `/api/v1/party/organisations/${ids.b21}`, { active: false })).statusCode).toBe(200);
    const enrol = async (key: string, organisation: string, status: string, seq: number) => {
      ids[key] = await registerPartyMember(walk, { name: '王小明', idNumber: residentIdNumber(seq), phone: '13805461234', status, joinedOn: '2010-07-01', organisationId: ids[organisation], homeGridCode: G11, account: `acct-${key}` });
    };
    await enrol('m1', 'b11', 'full', 1);
    await enrol('m2', 'b11', 'probationary', 2);
    await enrol('m3', 'pc1', 'full', 3);
    // m2 moves to the other community's committee as a full member.
    expect((await walk.call('admin', 'PATCH', `/api/v1/party/members/${ids.m2}`, { organisationId: ids.pc2, status: 'full' })).statusCode).toBe(200);
    // m1 registers with the grid they serve (双报到), approved.
    const registration = await post('registrations', { memberId: ids.m1, workUnit: '东营市税务局', workUnitPartyOrganisation: '东营市税务局机关党委', communityCode: C1, gridCode: G11, post: 'volunteer' });
    await post(`registrations/${registration.id}/approve`, {}, 200);
    // Held three days ago with m1 on its sheet (two hours credited) and reported; one cancelled; one still to come.
    const startsAt = new Date(Date.now() - 3 * DAY);
    const held = await post('activities/held', {
      organisationId: ids.b11, kind: 'theme_party_day', title: '主题党日', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      address: '文汇小区党群服务站', capacity: 10, audience: 'organisation', hours: 2, attendeeIds: [ids.m1],
    });
    await post(`activities/${held.activity.id}/report`, { summary: '重温入党誓词' });
    const later = (days: number) => ({ startsAt: new Date(Date.now() + days * DAY).toISOString(), endsAt: new Date(Date.now() + days * DAY + HOUR).toISOString() });
    const upcoming = { organisationId: ids.b11, kind: 'volunteer_service', title: '清扫楼道', address: '文汇小区3号楼', capacity: 10, audience: 'organisation', hours: 1 };
    const cancelled = await post('activities', { ...upcoming, ...later(1) });
    await post(`activities/${cancelled.id}/cancel`, { reason: '天气原因' }, 200);
    await post('activities', { ...upcoming, ...later(2) });
    // m3's grid tasks: one approved, one rejected.
    const approved = await post(`members/${ids.m3}/ledger`, { task: 'visit', day: chinaDayFromToday(0), hours: 1.5 });
    await post(`ledger/records/${approved.id}/decision`, { decision: 'approved' }, 200);
    const rejected = await post(`members/${ids.m3}/ledger`, { task: 'visit', day: chinaDayFromToday(-1), hours: 3 });
    await post(`ledger/records/${rejected.id}/decision`, { decision: 'rejected', reason: '与走访记录不符' }, 200);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('answers the same party figures and party hours from the snapshot and the stream’s rest, and after a rebuild', async () => {
    const live = await eventually(
      async () => {
        const got = await answers();
        // Every event applied: the transfer, the dissolved branch, the registration, the held activity, the hours.
        expect(got[1].total).toEqual({ grids: 3, gridsWithBranch: 1, coverageShare: 0.333, members: 3, membersByStatus: { full: 3, probationary: 0 }, inServiceRegistrations: 1, activities: 1, attendance: 1, hours: 3.5 });
        expect(got[3].total).toMatchObject({ members: 1, gridsWithBranch: 0 });
        expect(got[5].total).toMatchObject({ partyHours: 3.5 });
        expect(got[5].staff.map((s: { name: string; partyHours: number }) => [s.name, s.partyHours])).toEqual([['王小明', 2], ['李红', 1.5]]);
        return got;
      },
      { timeoutMs: 20_000 },
    );

    // The stream keeps only its newest third: the first records' events are gone, later ones' cut in the middle.
    await walk.startAnalyticsAfterPurge('party-building', ['registry', 'party-building'], 'analytics_late');
    const db = await walk.db();
    // 5 organisations, 3 members, 1 registration, 3 activities, 1 check-in, 3 service records.
    await eventually(
      async () => {
        expect((await db.query(`select finished_at, loaded from analytics_late.projection_bootstrap where consumer = 'analytics-party'`)).rows).toEqual([{ finished_at: expect.any(Date), loaded: 16 }]);
        expect(await answers()).toEqual(live);
      },
      { timeoutMs: 20_000 },
    );

    const result = await rebuildProjections(walk.platform.config(AnalyticsConfig, { DB_SCHEMA: 'analytics_late' }));
    expect(result.snapshotRecords).toBe(16);
    expect(result.projections.find((p) => p.consumer === 'analytics-party')).toMatchObject({ fromSnapshot: true });
    expect(await answers()).toEqual(live);
  });
});
