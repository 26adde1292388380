import { connect, type NatsConnection } from 'nats';
import { SYSTEM_CALLER } from '@gridline/auth';
import { PARTY_BUILDING_REQUESTS } from '@gridline/contracts-party-building';
import { RegistryPeopleClient } from '@gridline/contracts-registry';
import { residentIdCheckCharacter } from '@gridline/platform';
import { TEST_SERVERS, eventually, unitFactory } from '@gridline/testing';
import { StreetFixture, type StreetSeed } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';
const PERSONAL_PHONE = '13805461234';
const WORK_PHONE = '0546-8221234';
const idNumber = (seq: number) => {
  const first17 = `3705021978021403${seq}`;
  return first17 + residentIdCheckCharacter(first17);
};
const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
const SEED: StreetSeed = {
  units: [
    unitFactory().street(STREET, '东城街道').build(),
    unitFactory().community(COMMUNITY, '文汇社区').build(),
    unitFactory().grid(GRID, '文汇社区第一网格').at(118.5, 37.4).build(),
    unitFactory().grid(OTHER_GRID, '文汇社区第二网格').at(118.52, 37.4).build(),
  ],
  categories: [
    { code: 'ENV', name: '环境卫生' },
    { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
  ],
};
const PEOPLE: Parameters<StreetFixture['sign']>[0] = {
  street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
  staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
  otherStaff: { sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] },
};

/** The grid's people as the seed places them: a grid member with a personal and a published work phone. */
async function placeStaff(walk: StreetFixture): Promise<void> {
  const people = new RegistryPeopleClient(walk.seedBus);
  const person = await people.createPerson(SYSTEM_CALLER, { name: '王晓梅', phone: PERSONAL_PHONE });
  await people.assignPerson(SYSTEM_CALLER, GRID, { personId: person.id, role: 'grid_staff', startsOn: '2026-01-01', workPhone: WORK_PHONE });
}

async function reportCases(walk: StreetFixture, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title: `垃圾堆放${i}`, description: '东门外绿化带旁堆放建筑垃圾', gridCode: GRID, source: 'patrol' }));
  }
}

/** A grid in one call through the gateway: every part from its service, as the caller may see it. */
describe('GET /api/v1/units/:code/overview', () => {
  let walk: StreetFixture;
  let secretaryOfficer: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'party-building', 'analytics'], gateway: true });
    await walk.seed(SEED);
    await walk.sign(PEOPLE);
    await placeStaff(walk);
    const organisation = async (body: object) => (await walk.untilCreated(() => walk.call('street', 'POST', '/api/v1/party/organisations', body))).json().id as string;
    const top = await organisation({ name: '街道党工委', level: 'working_committee', unitCode: STREET });
    const committee = await organisation({ name: '文汇社区党委', level: 'party_committee', parentId: top, unitCode: COMMUNITY });
    const branch = await organisation({ name: '第一网格党支部', level: 'branch', parentId: committee, unitCode: GRID });
    const member = await walk.call('street', 'POST', '/api/v1/party/members', { name: '李红', idNumber: idNumber(1), phone: '13905467701', status: 'full', joinedOn: '2005-07-01', organisationId: branch, homeGridCode: GRID });
    expect(member.statusCode).toBe(201);
    const officer = await walk.call('street', 'POST', `/api/v1/party/organisations/${branch}/officers`, { memberId: member.json().id, role: 'secretary', startsOn: '2026-01-01' });
    expect(officer.statusCode).toBe(201);
    secretaryOfficer = officer.json().id;
    const station = await walk.untilCreated(() =>
      walk.call('street', 'POST', '/api/v1/party/stations', {
        name: '文汇红色驿站', location: { lat: 37.405, lng: 118.505 }, address: '文汇小区3号楼', organisationId: branch,
        openingHours: [{ day: 'mon', opens: '08:30', closes: '12:00' }], contact: { post: '驿站站长', workPhone: '0546 8221235' }, functions: ['mediation'],
      }),
    );
    expect(station.json().gridCode).toBe(GRID);
    await reportCases(walk, 2);
  });

  afterAll(async () => {
    await walk?.close();
  });

  const overview = (who: string, code = GRID) => walk.call(who, 'GET', `/api/v1/units/${code}/overview`);

  it('answers the street grid centre every part: the grid, its staff, its branch with the secretary, its red station, open cases and the month’s figures', async () => {
    const res = await overview('street');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      unit: { code: GRID, name: '文汇社区第一网格', level: 'grid', parentCode: COMMUNITY, active: true },
      street: { code: STREET, name: '东城街道' },
      community: { code: COMMUNITY, name: '文汇社区' },
      staff: { status: 'ok', data: [{ name: '王晓梅', role: 'grid_staff', workPhone: WORK_PHONE, phone: '138****1234', startsOn: '2026-01-01' }] },
      party: {
        status: 'ok',
        data: { organisation: { name: '第一网格党支部', level: 'branch' }, secretary: { role: 'secretary', memberName: '李*', startsOn: '2026-01-01' }, officers: [{ role: 'secretary', memberName: '李*' }] },
      },
      stations: { status: 'ok', data: { total: 1, stations: [{ name: '文汇红色驿站', gridCode: GRID, functions: ['mediation'], contact: { post: '驿站站长', workPhone: '0546-8221235' } }] } },
      cases: { status: 'ok', data: { open: 2, byStatus: { reported: 2 } } },
      figures: { status: 'ok', data: { scope: { kind: 'unit', code: GRID, name: '文汇社区第一网格' }, current: { kind: 'month' }, hotline: null } },
    });
    expect(body.figures.data.current.from.slice(8)).toBe('01');
    // Masked phones only, nothing of the member's clear name, no officer ids.
    expect(res.body).not.toContain(PERSONAL_PHONE);
    expect(res.body).not.toContain('李红');
    expect(res.body).not.toContain(secretaryOfficer);
    // Analytics learns the branch from party building's events.
    await eventually(
      async () => expect((await overview('street')).json().figures).toMatchObject({ status: 'ok', data: { current: { cases: { reported: 2, open: 2 } }, party: { grids: 1, gridsWithBranch: 1, coverageShare: 1 } } }),
      { timeoutMs: 15_000 },
    );
  });

  it('shows a grid member their grid, its staff and cases, and the parts their role does not reach as forbidden, with nothing of them', async () => {
    const res = await overview('staff');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      unit: { code: GRID },
      staff: { status: 'ok', data: [{ name: '王晓梅', phone: '138****1234' }] },
      cases: { status: 'ok', data: { open: 2 } },
      party: { status: 'forbidden' },
      stations: { status: 'forbidden' },
      figures: { status: 'forbidden' },
    });
    // The street and community lie outside a grid member's scope: their codes, not their names.
    expect(res.json()).toMatchObject({ street: { code: STREET, name: null }, community: { code: COMMUNITY, name: null } });
    expect(res.body).not.toContain('第一网格党支部');
    expect(res.body).not.toContain('文汇红色驿站');
  });

  it('answers a grid outside the caller’s scope, and an unknown one, as not found for the whole', async () => {
    const outside = await overview('otherStaff');
    const unknown = await overview('street', '370502003001999');
    expect([outside.statusCode, unknown.statusCode]).toEqual([404, 404]);
    // The same code and the same words for a unit out of scope as for one that does not exist.
    expect(outside.json()).toMatchObject({ code: 'UNIT_NOT_FOUND', detail: `Unit ${GRID} does not exist` });
    expect(unknown.json().code).toBe('UNIT_NOT_FOUND');
    expect(outside.body).not.toContain('王晓梅');
  });

  it('refuses a code that is not a unit code with 400 naming code', async () => {
    const res = await overview('street', 'grid-1');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['code']);
  });
});

describe('GET /api/v1/units/:code/overview while party building is not running', () => {
  let walk: StreetFixture;
  let nc: NatsConnection | undefined;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'analytics'], gateway: true });
    await walk.seed(SEED);
    await walk.sign(PEOPLE);
    await placeStaff(walk);
    await reportCases(walk, 1);
  });

  afterAll(async () => {
    await nc?.close();
    await walk?.close();
  });

  it('answers 200 with the party parts unavailable and every other part present', async () => {
    const res = await walk.call('street', 'GET', `/api/v1/units/${GRID}/overview`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      unit: { code: GRID, name: '文汇社区第一网格' },
      community: { code: COMMUNITY, name: '文汇社区' },
      staff: { status: 'ok', data: [{ name: '王晓梅', workPhone: WORK_PHONE }] },
      party: { status: 'unavailable', reason: 'unavailable' },
      stations: { status: 'unavailable', reason: 'unavailable' },
      cases: { status: 'ok', data: { open: 1, byStatus: { reported: 1 } } },
    });
    // Analytics answers the month's figures without party building (party figures as far as it learnt them).
    expect(res.json().figures).toMatchObject({ status: 'ok', data: { scope: { code: GRID } } });
  });

  it('gives up a part whose service takes the request and never answers as unavailable (timeout), within PART_TIMEOUT_MS', async () => {
    // Something takes party building's organisation list and never answers; its station list has no responder at all.
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    nc.subscribe(walk.subject(PARTY_BUILDING_REQUESTS.listOrganisations.pattern), { callback: () => undefined });
    await nc.flush();
    // Long enough for the parts that answer on a busy machine; the one that never answers still gives up.
    const quick = await walk.startGateway({ PART_TIMEOUT_MS: '2000' });
    const res = await quick.app.inject({ method: 'GET', url: `/api/v1/units/${GRID}/overview`, headers: { authorization: `Bearer ${walk.tokens.street}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      party: { status: 'unavailable', reason: 'timeout' },
      stations: { status: 'unavailable', reason: 'unavailable' },
      staff: { status: 'ok' },
      cases: { status: 'ok', data: { open: 1 } },
    });
  });
});
