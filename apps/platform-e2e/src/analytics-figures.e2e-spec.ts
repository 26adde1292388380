import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture, chinaDayFromToday } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/** Cases walked through incidents' steps through the gateway; analytics' figures of them from incidents' events. */
describe('GET /api/v1/analytics/figures', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const report = async (title: string, categoryCode = 'ENV.GARBAGE'): Promise<string> => {
    const res = await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode, title, description: `${title}：东门外`, location: IN_GRID, source: 'patrol' }));
    return res.json().incident.id;
  };
  const act = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await walk.call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const figures = (who: string, query: string) => walk.call(who, 'GET', `/api/v1/analytics/figures?${query}`);
  const r = (numerator: number, denominator: number) => expect.objectContaining({ numerator, denominator });

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'analytics'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
      ],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      verifier: { sub: 'staff-2', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });

    // 1: the grid's own case, reworked once, closed and rated 5.
    const first = await report('垃圾堆放');
    await act('community', first, 'accept');
    await act('community', first, 'dispatch');
    await act('staff', first, 'sign');
    await act('staff', first, 'handle', { result: '已清运' });
    await act('verifier', first, 'verify', { passed: false, comment: '仍有残留' });
    await act('staff', first, 'handle', { result: '已全部清运' });
    await act('verifier', first, 'verify', { passed: true });
    await act('community', first, 'evaluate', { rating: 5 });
    // 2: the department's case, returned once, dispatched again and closed.
    const second = await report('污水外溢', 'ENV.SEWAGE');
    await act('community', second, 'accept');
    await act('community', second, 'dispatch', { ownerDepartmentCode: 'URBAN_MGMT' });
    await act('department', second, 'return', { reason: '需先确认管网权属' });
    await act('community', second, 'dispatch', { ownerDepartmentCode: 'URBAN_MGMT' });
    await act('department', second, 'sign');
    await act('department', second, 'handle', { result: '已疏通' });
    await act('verifier', second, 'verify', { passed: true });
    // 3: rejected; 4: still waiting to be accepted.
    await act('community', await report('重复上报'), 'reject', { reason: '重复' });
    await report('井盖缺失');
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('counts the community’s cases of today, step by step, with yesterday beside them', async () => {
    const view = await eventually(
      async () => {
        const res = await figures('analyst', `unit=${COMMUNITY}&period=day`);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.current.cases).toMatchObject({ reported: 4, closed: 2, evaluations: { count: 1 } });
        return body;
      },
      { timeoutMs: 20_000 },
    );
    expect(view.scope).toMatchObject({ kind: 'unit', code: COMMUNITY, level: 'community', name: expect.any(String) });
    expect(view.current).toMatchObject({ kind: 'day', from: today, to: today });
    expect(view.current.cases).toMatchObject({
      reported: 4, accepted: 2, rejected: 1, closed: 2, open: 1, overdue: 0,
      onTime: { accept: r(3, 3), dispatch: r(3, 3), sign: r(3, 3), handle: r(3, 3), verify: r(3, 3) },
      returnRate: r(1, 2), reworkRate: r(1, 2), extensionRate: r(0, 2),
      handlingHours: { cases: 2, mean: expect.any(Number), p90: expect.any(Number) },
      evaluations: { count: 1, meanRating: 5, satisfied: r(1, 1) },
    });
    expect(view.previous).toMatchObject({ kind: 'day', from: chinaDayFromToday(-1), to: chinaDayFromToday(-1), cases: { reported: 0, closed: 0 } });
    expect(view.collection).toMatchObject({ grids: expect.any(Number) });
    // The grid counts what its community counts; the month holds today.
    expect((await figures('analyst', `unit=${GRID}&period=month`)).json().current.cases).toMatchObject({ reported: 4, closed: 2, open: 1 });
  });

  it('answers the department’s figures of what it owned, to its handler and by name', async () => {
    const res = await figures('department', 'period=day');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.scope).toEqual({ kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' });
    expect(view.current.cases).toMatchObject({ reported: 0, closed: 1, returnRate: r(1, 1), onTime: { sign: r(2, 2), handle: r(1, 1) } });
    expect((await figures('analyst', `department=URBAN_MGMT&from=${today}&to=${today}`)).json().current.cases.closed).toBe(1);
  });

  it('answers a unit outside the scope 404, another role 403, bad input 400 naming the field', async () => {
    const outside = await figures('otherCommunity', `unit=${COMMUNITY}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    expect((await figures('department', 'department=ECOLOGY')).statusCode).toBe(404);
    expect((await figures('staff', `unit=${GRID}`)).statusCode).toBe(403);
    const bad = await figures('analyst', `unit=${COMMUNITY}&period=fortnight`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('period');
    expect((await figures('analyst', `unit=${COMMUNITY}&from=2026-11-30&to=2026-11-01`)).statusCode).toBe(400);
  });
});
