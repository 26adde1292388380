import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_GRID = '370502003002001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };
const IN_OTHER_GRID = { lat: 37.405, lng: 118.605, address: '阳光小区北门' };

/** Two cases walked through the gateway, one per community; analytics ranks the communities and grids of them. */
describe('GET /api/v1/analytics/rankings, /rankings/league and GET|PUT /ranking-weights', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const act = async (who: string, id: string, action: string, body: object = {}) => {
    const res = await walk.call(who, 'POST', `/api/v1/incidents/${id}/actions/${action}`, body);
    expect(res.statusCode).toBe(200);
  };
  /** A case reported, accepted, dispatched to the grid, handled (reworked once if asked), verified and rated. */
  const walkCase = async (prefix: '' | 'other', location: typeof IN_GRID, rating: number, rework: boolean) => {
    const who = (role: string) => (prefix ? `${prefix}${role[0].toUpperCase()}${role.slice(1)}` : role);
    const res = await walk.untilCreated(() => walk.call(who('staff'), 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title: '垃圾堆放', description: '垃圾堆放：门外', location, source: 'patrol' }));
    const id: string = res.json().incident.id;
    await act(who('community'), id, 'accept');
    await act(who('community'), id, 'dispatch');
    await act(who('staff'), id, 'sign');
    await act(who('staff'), id, 'handle', { result: '已清运' });
    if (rework) {
      await act(who('verifier'), id, 'verify', { passed: false, comment: '仍有残留' });
      await act(who('staff'), id, 'handle', { result: '已全部清运' });
    }
    await act(who('verifier'), id, 'verify', { passed: true });
    await act(who('community'), id, 'evaluate', { rating });
  };
  const rankings = (who: string, query: string) => walk.call(who, 'GET', `/api/v1/analytics/rankings?${query}`);
  const setWeights = (who: string, body: object, street = STREET) => walk.call(who, 'PUT', `/api/v1/analytics/ranking-weights?street=${street}`, body);

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'analytics'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(OTHER_GRID).at(118.6, 37.4).build(),
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      verifier: { sub: 'staff-2', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherStaff: { sub: 'staff-3', roles: ['grid_staff'], units: [OTHER_GRID] },
      otherVerifier: { sub: 'staff-4', roles: ['grid_staff'], units: [OTHER_GRID] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      streetAdmin: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      otherStreetAdmin: { sub: 'street-2', roles: ['street_admin'], units: ['370502009'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    // The community's case: all on time, closed, rated 5 (score 100). The other's: reworked, rated 2 (30 + 30 = 60).
    await walkCase('', IN_GRID, 5, false);
    await walkCase('other', IN_OTHER_GRID, 2, true);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('ranks the street’s communities and grids of today, each part shown, for an analyst and the street admin', async () => {
    const view = await eventually(
      async () => {
        const res = await rankings('analyst', `unit=${STREET}&period=day`);
        expect(res.statusCode).toBe(200);
        expect(res.json().rows.map((r: { code: string; score: number }) => [r.code, r.score])).toEqual([
          [COMMUNITY, 100],
          [OTHER_COMMUNITY, 60],
        ]);
        return res.json();
      },
      { timeoutMs: 20_000 },
    );
    expect(view).toMatchObject({ level: 'community', current: { kind: 'day', from: today, to: today }, weights: { source: 'default', normalised: { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 } }, ranked: 2 });
    expect(view.rows[1]).toMatchObject({
      code: OTHER_COMMUNITY,
      name: `Community ${OTHER_COMMUNITY}`,
      rank: 2,
      previousRank: null,
      movement: null,
      volume: 1,
      parts: {
        onTime: { rate: 1, weight: 0.3, contribution: 30 },
        resolution: { numerator: 1, denominator: 1, contribution: 30 },
        satisfaction: { numerator: 0, denominator: 1, contribution: 0 },
        rework: { numerator: 0, denominator: 1, contribution: 0 },
      },
    });
    const grids = await rankings('streetAdmin', `unit=${STREET}&level=grid&period=day`);
    expect(grids.statusCode).toBe(200);
    expect(grids.json().rows.map((r: { code: string; rank: number }) => [r.code, r.rank])).toEqual([
      [GRID, 1],
      [OTHER_GRID, 2],
    ]);
    const league = await walk.call('streetAdmin', 'GET', `/api/v1/analytics/rankings/league?unit=${STREET}&month=${today.slice(0, 7)}`);
    expect(league.statusCode).toBe(200);
    expect(league.json()).toMatchObject({ street: { code: STREET }, month: today.slice(0, 7), totals: { current: { volume: 2 } } });
    expect(league.json().grids.map((r: { code: string }) => r.code)).toEqual([GRID, OTHER_GRID]);
  });

  it('sets the street’s weights by its street admin and ranks by them', async () => {
    const set = await setWeights('streetAdmin', { onTime: 1, resolution: 1, satisfaction: 0, rework: 0 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ street: STREET, source: 'street', normalised: { onTime: 0.5, resolution: 0.5, satisfaction: 0, rework: 0 } });
    expect((await walk.call('community', 'GET', `/api/v1/analytics/ranking-weights?street=${STREET}`)).json()).toMatchObject({ source: 'street', weights: { onTime: 1 } });
    // On time and resolution alone: both communities score 100; the tie goes to the same volume, then the code.
    const view = (await rankings('analyst', `unit=${STREET}&period=day`)).json();
    expect(view.weights.normalised).toMatchObject({ onTime: 0.5, resolution: 0.5 });
    expect(view.rows.map((r: { code: string; rank: number; score: number }) => [r.code, r.rank, r.score])).toEqual([
      [COMMUNITY, 1, 100],
      [OTHER_COMMUNITY, 2, 100],
    ]);
  });

  it('answers grid staff 403, a unit out of scope 404, bad weights 400 naming the field, another street’s admin 403', async () => {
    expect((await rankings('staff', `unit=${GRID}`)).statusCode).toBe(403);
    const outside = await rankings('otherCommunity', `unit=${COMMUNITY}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    expect((await walk.call('otherCommunity', 'GET', `/api/v1/analytics/rankings/league?unit=${STREET}`)).statusCode).toBe(404);
    const negative = await setWeights('streetAdmin', { onTime: 1, resolution: -1, satisfaction: 1, rework: 1 });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json())).toContain('resolution');
    const missing = await setWeights('streetAdmin', { onTime: 1, resolution: 1, satisfaction: 1 });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('rework');
    const zero = await setWeights('streetAdmin', { onTime: 0, resolution: 0, satisfaction: 0, rework: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json()).toMatchObject({ code: 'ANALYTICS_INVALID' });
    expect(JSON.stringify(zero.json())).toContain('onTime');
    expect((await setWeights('otherStreetAdmin', { onTime: 1, resolution: 1, satisfaction: 1, rework: 1 })).statusCode).toBe(403);
    expect((await setWeights('community', { onTime: 1, resolution: 1, satisfaction: 1, rework: 1 })).statusCode).toBe(403);
    expect((await setWeights('analyst', { onTime: 1, resolution: 1, satisfaction: 1, rework: 1 })).statusCode).toBe(403);
    const bad = await rankings('analyst', `unit=${STREET}&level=province`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('level');
    // Nothing half-stored: the weights are still the street admin's.
    expect((await walk.call('analyst', 'GET', `/api/v1/analytics/ranking-weights?street=${STREET}`)).json()).toMatchObject({ weights: { onTime: 1, resolution: 1, satisfaction: 0, rework: 0 } });
  });
});
