import { SYSTEM_CALLER } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { RegistryPeopleClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/**
 * The registry's grid staff of the grid (two with a login, one without) and cases reported and a visit logged through
 * the gateway; analytics' staff workload: a row per grid staff member, named, from incidents' events and the
 * registry's staff. The community's centre reports a case too: not grid staff, not counted.
 */
describe('GET /api/v1/analytics/workload', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const period = `from=${today}&to=${today}`;
  const report = async (who: 'staff' | 'colleague' | 'community', title: string) => {
    await walk.untilCreated(() => walk.call(who, 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外`, location: IN_GRID, source: 'patrol' }));
  };
  const zero = { handled: 0, handledOnTime: 0, onTimeRate: { numerator: 0, denominator: 0, rate: null }, partyHours: 0 };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'analytics'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().community(OTHER_COMMUNITY).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    const household = (await new RegistryRegistersClient(walk.seedBus).createHousehold(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区3号楼', room: '1-101' })).id;
    const people = new RegistryPeopleClient(walk.seedBus);
    for (const [name, account] of [['王晓梅', 'staff-1'], ['李强', 'staff-2'], ['赵敏', undefined]] as const) {
      const person = await people.createPerson(SYSTEM_CALLER, { name, ...(account ? { account } : {}) });
      await people.assignPerson(SYSTEM_CALLER, GRID, { personId: person.id, role: 'grid_staff', startsOn: '2026-01-01' });
    }
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      colleague: { sub: 'staff-2', roles: ['grid_staff'], units: [GRID] },
      partner: { sub: 'partner-1', roles: ['grid_partner'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    await report('staff', '垃圾堆放');
    await report('staff', '垃圾又堆');
    await report('colleague', '垃圾还堆');
    await report('community', '垃圾堆满');
    expect((await walk.call('staff', 'POST', '/api/v1/visits', { householdId: household, gridCode: GRID, date: today })).statusCode).toBe(201);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('answers a row per grid staff member of the street’s grids, named, zeros included, with the cases they reported and the visits they logged today', async () => {
    const view = await eventually(async () => {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/workload?unit=${STREET}&${period}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().staff).toHaveLength(3);
      expect(res.json().total).toMatchObject({ reported: 3, visits: 1 });
      return res.json();
    });
    expect(view).toMatchObject({ unit: STREET, from: today, to: today, self: false });
    const grids = [{ code: GRID, name: expect.any(String) }];
    // By name within the grid; the community centre's case is in no row and not in the total.
    expect(view.staff).toEqual([
      { personId: expect.any(String), name: '李强', subject: 'staff-2', grids, reported: 1, visits: 0, ...zero },
      { personId: expect.any(String), name: '王晓梅', subject: 'staff-1', grids, reported: 2, visits: 1, ...zero },
      { personId: expect.any(String), name: '赵敏', subject: null, grids, reported: 0, visits: 0, ...zero },
    ]);
  });

  it('shows grid staff only their own row, in their grid', async () => {
    const res = await walk.call('colleague', 'GET', `/api/v1/analytics/workload?${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unit: GRID, self: true, staff: [{ name: '李强', subject: 'staff-2', reported: 1 }], total: { reported: 1, visits: 0 } });
    expect(res.json().staff).toHaveLength(1);
  });

  it('answers a unit outside the scope 404, another role 403, bad input 400 naming the field', async () => {
    const outside = await walk.call('otherCommunity', 'GET', `/api/v1/analytics/workload?unit=${COMMUNITY}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    expect((await walk.call('staff', 'GET', `/api/v1/analytics/workload?unit=${STREET}`)).statusCode).toBe(404);
    expect((await walk.call('partner', 'GET', `/api/v1/analytics/workload?unit=${GRID}`)).statusCode).toBe(403);
    const bad = await walk.call('analyst', 'GET', `/api/v1/analytics/workload?unit=${STREET}&from=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('from');
  });
});
