import { SYSTEM_CALLER } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { RegistryRegistersClient } from '@gridline/contracts-registry';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/** Cases reported and a visit logged through the gateway; analytics' staff workload of them from incidents' events. */
describe('GET /api/v1/analytics/workload', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const period = `from=${today}&to=${today}`;
  const report = async (who: 'staff' | 'colleague', title: string) => {
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
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      colleague: { sub: 'staff-2', roles: ['grid_staff'], units: [GRID] },
      partner: { sub: 'partner-1', roles: ['grid_partner'], units: [GRID] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    await report('staff', '垃圾堆放');
    await report('staff', '垃圾又堆');
    await report('colleague', '垃圾还堆');
    expect((await walk.call('staff', 'POST', '/api/v1/visits', { householdId: household, gridCode: GRID, date: today })).statusCode).toBe(201);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('counts per person of the street the cases they reported and the visits they logged today', async () => {
    const view = await eventually(async () => {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/workload?unit=${STREET}&${period}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toMatchObject({ reported: 3, visits: 1 });
      return res.json();
    });
    expect(view).toMatchObject({ unit: STREET, from: today, to: today, self: false });
    expect(view.staff).toEqual([
      { subject: 'staff-1', reported: 2, visits: 1, ...zero },
      { subject: 'staff-2', reported: 1, visits: 0, ...zero },
    ]);
  });

  it('shows grid staff only their own row, in their grid', async () => {
    const res = await walk.call('colleague', 'GET', `/api/v1/analytics/workload?${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unit: GRID, self: true, staff: [{ subject: 'staff-2', reported: 1 }], total: { reported: 1, visits: 0 } });
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
