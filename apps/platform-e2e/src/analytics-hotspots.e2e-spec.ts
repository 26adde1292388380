import { latLngToCell } from 'h3-js';
import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/**
 * Cases reported and 12345 appeals taken through the gateway; analytics' hot spots and trends of them from incidents'
 * and the hotline's events.
 */
describe('GET /api/v1/analytics/hotspots and /trends', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const report = async (title: string, categoryCode: string) => {
    await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode, title, description: `${title}：东门外`, location: IN_GRID, source: 'patrol' }));
  };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline', 'analytics'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().community(OTHER_COMMUNITY).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
    });
    await report('垃圾堆放', 'ENV.GARBAGE');
    await report('垃圾又堆', 'ENV.GARBAGE');
    await report('污水外溢', 'ENV.SEWAGE');
    // Two appeals: one at the grid's gate, one without a place (it counts at the street itself).
    for (const [categoryCode, location] of [['ENV.GARBAGE', IN_GRID], ['ENV.SEWAGE', undefined]] as const) {
      const taken = await walk.call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { phone: '13805461111' }, content: '门口垃圾', categoryCode, ...(location ? { location } : {}) });
      expect(taken.statusCode).toBe(201);
    }
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('counts today’s cases of the street by category × community, and per grid', async () => {
    const view = await eventually(async () => {
      const res = await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${STREET}&from=${today}&to=${today}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 3, appeals: 2 });
      return res.json();
    });
    expect(view.spots).toEqual([
      expect.objectContaining({ category: 'ENV.GARBAGE', unit: COMMUNITY, reported: 2, appeals: 1 }),
      expect.objectContaining({ category: 'ENV.SEWAGE', unit: STREET, reported: 0, appeals: 1 }),
      expect.objectContaining({ category: 'ENV.SEWAGE', unit: COMMUNITY, reported: 1, appeals: 0 }),
    ]);
    const grids = (await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${STREET}&by=grid&from=${today}&to=${today}`)).json();
    expect(grids).toMatchObject({ total: 3, appeals: 1 });
    expect(grids.spots).toEqual([expect.objectContaining({ category: null, unit: GRID, reported: 3, appeals: 1 })]);
  });

  it('counts today’s cases per H3 cell of their location, the cell with its centre and outline for the map', async () => {
    const res = await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${STREET}&by=hex&resolution=9&category=ENV.GARBAGE&from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ by: 'hex', resolution: 9, category: 'ENV.GARBAGE', total: 2, unlocated: 0, appeals: 1, unlocatedAppeals: 0 });
    expect(res.json().cells).toEqual([
      expect.objectContaining({
        cell: latLngToCell(IN_GRID.lat, IN_GRID.lng, 9),
        reported: 2,
        appeals: 1,
        categories: [{ category: 'ENV.GARBAGE', reported: 2, appeals: 1 }],
        boundary: expect.objectContaining({ type: 'Polygon' }),
      }),
    ]);
    const all = (await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${COMMUNITY}&by=hex&from=${today}&to=${today}`)).json();
    expect(all).toMatchObject({ resolution: 8, total: 3, appeals: 1, cells: [expect.objectContaining({ cell: latLngToCell(IN_GRID.lat, IN_GRID.lng, 8), reported: 3, appeals: 1 })] });
    const street = (await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${STREET}&by=hex&from=${today}&to=${today}`)).json();
    expect(street).toMatchObject({ appeals: 2, unlocatedAppeals: 1 });
  });

  it('answers today’s trend per category, most reported first, with the appeals received', async () => {
    const res = await walk.call('analyst', 'GET', `/api/v1/analytics/trends?unit=${COMMUNITY}&from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      interval: 'day',
      total: [{ bucket: today, reported: 3, closed: 0, appeals: 1 }],
      series: [
        { category: 'ENV.GARBAGE', points: [{ bucket: today, reported: 2, closed: 0, appeals: 1 }] },
        { category: 'ENV.SEWAGE', points: [{ bucket: today, reported: 1, closed: 0, appeals: 0 }] },
      ],
    });
    const street = (await walk.call('analyst', 'GET', `/api/v1/analytics/trends?unit=${STREET}&interval=week&from=${today}&to=${today}`)).json();
    expect(street.total).toEqual([expect.objectContaining({ reported: 3, appeals: 2 })]);
  });

  it('answers a unit outside the scope 404, another role 403, bad input 400 naming the field', async () => {
    const outside = await walk.call('otherCommunity', 'GET', `/api/v1/analytics/hotspots?unit=${COMMUNITY}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    expect((await walk.call('otherCommunity', 'GET', `/api/v1/analytics/trends?unit=${COMMUNITY}`)).statusCode).toBe(404);
    expect((await walk.call('staff', 'GET', `/api/v1/analytics/trends?unit=${GRID}`)).statusCode).toBe(403);
    const bad = await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${STREET}&by=hexagon`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('by');
    const badResolution = await walk.call('analyst', 'GET', `/api/v1/analytics/hotspots?unit=${STREET}&by=hex&resolution=10`);
    expect(badResolution.statusCode).toBe(400);
    expect(JSON.stringify(badResolution.json())).toContain('resolution');
    expect((await walk.call('otherCommunity', 'GET', `/api/v1/analytics/hotspots?unit=${COMMUNITY}&by=hex`)).statusCode).toBe(404);
    expect((await walk.call('staff', 'GET', `/api/v1/analytics/hotspots?unit=${GRID}&by=hex`)).statusCode).toBe(403);
    const badInterval = await walk.call('analyst', 'GET', `/api/v1/analytics/trends?unit=${STREET}&interval=month`);
    expect(badInterval.statusCode).toBe(400);
    expect(JSON.stringify(badInterval.json())).toContain('interval');
  });
});
