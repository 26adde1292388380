import type { GatewayApp } from '@gridline/app-gateway';
import { residentIdCheckCharacter } from '@gridline/contracts-registry';
import { eventually, testToken, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';

describe('the grid map from the gateway to the analytics overview', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let admin: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'analytics'], gateway: true });
    gateway = walk.gateway;
    admin = await testToken({ roles: ['admin'] });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const overview = async (token: string) => {
    const res = await gateway.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const create = async (body: object) => {
    const res = await gateway.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${admin}` }, payload: body });
    expect(res.statusCode).toBe(201);
  };

  it('counts each unit created through the gateway, in the caller scope', async () => {
    expect(await overview(admin)).toEqual({ streets: 0, communities: 0, grids: 0, exclusiveGrids: 0 });

    await create(unitFactory().street(STREET).build());
    await create(unitFactory().community(COMMUNITY).build());
    await create(unitFactory().community('370502003002').build());
    await create(unitFactory().grid(`${COMMUNITY}001`).at(118.5, 37.4).build());
    await create(unitFactory().grid(`${COMMUNITY}002`).at(118.51, 37.4).build());
    await create(unitFactory().exclusiveGrid(`${STREET}900001`, 'commercial').under(STREET).at(118.52, 37.4).build());

    await eventually(async () => expect(await overview(admin)).toEqual({ streets: 1, communities: 2, grids: 2, exclusiveGrids: 1 }), { timeoutMs: 5000 });
    const communityAdmin = await testToken({ roles: ['community_admin'], units: [COMMUNITY] });
    expect(await overview(communityAdmin)).toEqual({ streets: 0, communities: 1, grids: 2, exclusiveGrids: 0 });
  });

  it('carries the correlation id of the request into the event', async () => {
    const res = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { authorization: `Bearer ${admin}`, 'x-correlation-id': 'e2e-correlation-1' },
      payload: unitFactory().community('370502003003').build(),
    });
    expect(res.statusCode).toBe(201);
    await eventually(async () => {
      const event = (await walk.lastEvent('registry', 'events.registry.unit.created')).json<{ subject: string; correlationid: string }>();
      expect(event).toMatchObject({ subject: '370502003003', correlationid: 'e2e-correlation-1' });
    });
  });

  it('receives the collection quality of each grid whose registers change', async () => {
    const first17 = '37050219600101123';
    const res = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: { authorization: `Bearer ${admin}` },
      payload: { gridCode: `${COMMUNITY}001`, name: '王五', idNumber: first17 + residentIdCheckCharacter(first17) },
    });
    expect(res.statusCode).toBe(201);
    await eventually(async () => {
      const collection = await gateway.app.inject({ method: 'GET', url: '/api/v1/analytics/collection', headers: { authorization: `Bearer ${admin}` } });
      expect(collection.json()).toMatchObject({ grids: 1, residents: 1, weakestGrids: [{ gridCode: `${COMMUNITY}001`, residents: 1, completeness: 0 }] });
    });
    const outsider = await testToken({ roles: ['analyst'], units: ['370502003002'] });
    const hidden = await gateway.app.inject({ method: 'GET', url: '/api/v1/analytics/collection', headers: { authorization: `Bearer ${outsider}` } });
    expect(hidden.json()).toMatchObject({ grids: 0, residents: 0 });
  });

  describe('the map rules at the gateway', () => {
    const post = (token: string, payload: object) => gateway.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${token}` }, payload });
    const patch = (token: string, code: string, payload: object) => gateway.app.inject({ method: 'PATCH', url: `/api/v1/units/${code}`, headers: { authorization: `Bearer ${token}` }, payload });

    it('answers a self-crossing boundary with 400 VALIDATION_FAILED on boundary', async () => {
      const bowTie = { type: 'Polygon', coordinates: [[[118.5, 37.45], [118.51, 37.46], [118.51, 37.45], [118.5, 37.46], [118.5, 37.45]]] };
      const res = await post(admin, { ...unitFactory().grid('370502003002001').build(), boundary: bowTie });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'boundary', reasons: [expect.stringContaining('must not cross or touch itself')] }] });
    });

    it("answers a grid over another community's grids with 409, naming them only to whoever may see them", async () => {
      const intruder = unitFactory().grid('370502003002001').at(118.505, 37.4).build();
      const otherAdmin = await testToken({ roles: ['community_admin'], units: ['370502003002'] });
      const hidden = await post(otherAdmin, intruder);
      expect(hidden.statusCode).toBe(409);
      expect(hidden.headers['content-type']).toContain('application/problem+json');
      expect(hidden.json()).toMatchObject({ code: 'UNIT_BOUNDARY_OVERLAP', errors: [{ field: 'boundary' }], details: { overlaps: [] } });
      expect(hidden.body).not.toContain(COMMUNITY);
      const seen = await post(admin, intruder);
      expect(seen.json()).toMatchObject({ status: 409, code: 'UNIT_BOUNDARY_OVERLAP', details: { overlaps: [`${COMMUNITY}001`, `${COMMUNITY}002`] } });
      const located = await gateway.app.inject({ method: 'GET', url: '/api/v1/locate?lat=37.405&lng=118.507', headers: { authorization: `Bearer ${admin}` } });
      expect(located.json().community.code).toBe(COMMUNITY);
    });

    it('answers concurrent PATCHes of one unit with 200 and 409 UNIT_CHANGED, never 5xx', async () => {
      const db = await walk.db();
      // Hold the row so that both requests read the same version before either writes.
      await db.query('begin');
      await db.query('select 1 from registry.unit where code = $1 for update', [`${COMMUNITY}001`]);
      const both = Promise.all([patch(admin, `${COMMUNITY}001`, { name: '一网格' }), patch(admin, `${COMMUNITY}001`, { name: '壹网格' })]);
      await eventually(async () => {
        const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        expect(rows[0].n).toBe(2);
      });
      await db.query('rollback');
      const results = await both;
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'UNIT_CHANGED', details: { code: `${COMMUNITY}001` } });
    });
  });

  it('follows a unit being deactivated', async () => {
    const res = await gateway.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${COMMUNITY}002`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    await eventually(async () => expect((await overview(admin)).grids).toBe(1));
  });
});
