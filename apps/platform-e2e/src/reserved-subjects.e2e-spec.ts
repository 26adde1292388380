import { SYSTEM_CALLER } from '@gridline/auth';
import { IncidentsClient } from '@gridline/contracts-incidents';
import { eventually, testToken, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';

/**
 * The platform's own actors have identities no token can claim: the seed reports cases as `svc:seed`, and a token
 * naming `system` or `svc:seed` is refused before anything is asked of a service.
 */
describe('reserved subjects through the gateway', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents'], gateway: true });
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().grid(OTHER_GRID).at(118.51, 37.4).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    const incidents = new IncidentsClient(walk.seedBus);
    // Incidents learns the map from the registry's events: the seed retries until it has.
    await eventually(async () => {
      const { incident } = await incidents.report(SYSTEM_CALLER, { categoryCode: 'ENV.GARBAGE', title: '演示案件', description: '东门外堆放建筑垃圾', gridCode: GRID, source: 'patrol' });
      expect(incident.reporter).toBe('svc:seed');
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const list = (token: string) => walk.gateway.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { authorization: `Bearer ${token}` } });

  it.each(['system', 'svc:seed', 'svc:incidents', 'public'])('refuses a token whose subject is %p with 401', async (sub) => {
    const res = await list(await testToken({ sub, roles: ['grid_staff'], units: [OTHER_GRID] }));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it("shows the seed's case only to callers whose scope covers it", async () => {
    expect((await list(await testToken({ sub: 'staff-other', roles: ['grid_staff'], units: [OTHER_GRID] }))).json().items).toEqual([]);
    expect((await list(await testToken({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] }))).json().items).toHaveLength(1);
  });
});
