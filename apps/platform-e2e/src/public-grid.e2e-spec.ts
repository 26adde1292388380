import type { GatewayApp } from '@gridline/app-gateway';
import { PUBLIC_CALLER, SYSTEM_CALLER } from '@gridline/auth';
import { RegistryClient, RegistryPeopleClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { testToken, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';
const PERSONAL_PHONE = '13805461234';
const OTHER_PERSONAL_PHONE = '13905469876';
const WORK_PHONE = '0546-8221234';

/** "Something to find, find the grid member": the public lookup through the gateway, without a token. */
describe('GET /api/v1/public/grid', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let limited: GatewayApp;
  let registry: RegistryClient;
  let admin: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry'] });
    gateway = await walk.startGateway({ PUBLIC_LOOKUP_RATE_LIMIT: '1000/1m' });
    limited = await walk.startGateway({ PUBLIC_LOOKUP_RATE_LIMIT: '3/1m' });
    const bus = walk.seedBus;
    registry = walk.registry;
    await walk.seed({
      units: [
        unitFactory().street(STREET, '东城街道').build(),
        unitFactory().community(COMMUNITY, '文汇社区').build(),
        unitFactory().grid(GRID, '文汇社区第一网格').at(118.5, 37.4).build(),
        unitFactory().grid(OTHER_GRID, '文汇社区第二网格').at(118.52, 37.4).build(),
      ],
    });
    const registers = new RegistryRegistersClient(bus);
    await registers.createBuilding(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区3号楼' });
    await registers.createBuilding(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区5号楼' });
    await registers.createBuilding(SYSTEM_CALLER, { gridCode: OTHER_GRID, address: '柳桥小区1号楼' });

    const people = new RegistryPeopleClient(bus);
    const staff = await people.createPerson(SYSTEM_CALLER, { name: '王晓梅', phone: PERSONAL_PHONE });
    await people.assignPerson(SYSTEM_CALLER, GRID, { personId: staff.id, role: 'grid_staff', startsOn: '2026-01-01', workPhone: '0546 8221234' });
    const chief = await people.createPerson(SYSTEM_CALLER, { name: '李建国', phone: OTHER_PERSONAL_PHONE });
    await people.assignPerson(SYSTEM_CALLER, GRID, { personId: chief.id, role: 'building_chief', startsOn: '2026-01-01', workPhone: '13905460000' });
    const other = await people.createPerson(SYSTEM_CALLER, { name: '赵敏', phone: OTHER_PERSONAL_PHONE });
    await people.assignPerson(SYSTEM_CALLER, OTHER_GRID, { personId: other.id, role: 'grid_staff', startsOn: '2026-01-01' });
    admin = await testToken({ sub: 'admin-1', roles: ['admin'], units: [] });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const lookup = (query: string, app = gateway, remoteAddress = '203.0.113.10') => app.app.inject({ method: 'GET', url: `/api/v1/public/grid?${query}`, remoteAddress });

  it('finds the grid of a point, its community and street, and its grid staff with the published work phone only', async () => {
    const response = await lookup('lat=37.405&lng=118.505');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      grids: [
        {
          grid: { code: GRID, name: '文汇社区第一网格', level: 'grid', kind: null },
          community: { code: COMMUNITY, name: '文汇社区' },
          street: { code: STREET, name: '东城街道' },
          staff: [{ name: '王晓梅', role: 'grid_staff', workPhone: WORK_PHONE }],
          partyBranch: null,
          redStation: null,
        },
      ],
    });
    // Nothing personal: no personal phone, clear or masked, no person or assignment id, no other role's people.
    expect(response.body).not.toContain(PERSONAL_PHONE);
    expect(response.body).not.toContain('138****1234');
    expect(response.body).not.toContain('5461234"');
    expect(response.body).not.toContain('李建国');
    expect(response.body).not.toMatch(/"(id|personId|phone|personPhone)"/);
  });

  it('shows a grid member without a work phone with none, never the personal one', async () => {
    const response = await lookup('lat=37.405&lng=118.525');
    expect(response.json().grids[0]).toMatchObject({ grid: { code: OTHER_GRID }, staff: [{ name: '赵敏', role: 'grid_staff', workPhone: null }] });
    expect(response.body).not.toContain(OTHER_PERSONAL_PHONE);
    expect(response.body).not.toContain('139****9876');
  });

  it('finds grids by an address, matched without spaces, punctuation or width, with the addresses that matched', async () => {
    const one = await lookup(`address=${encodeURIComponent(' 文汇小区，3 号楼 ')}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().grids).toEqual([expect.objectContaining({ grid: expect.objectContaining({ code: GRID }), matchedAddresses: ['文汇小区3号楼'], staff: [{ name: '王晓梅', role: 'grid_staff', workPhone: WORK_PHONE }] })]);
    // Full-width digits fold to ASCII (NFKC).
    expect((await lookup(`address=${encodeURIComponent('文汇小区５号楼')}`)).json().grids[0].matchedAddresses).toEqual(['文汇小区5号楼']);

    // Part of an address matching several grids: the grid with the most matching buildings first.
    const several = (await lookup(`address=${encodeURIComponent('小区')}`)).json();
    expect(several.grids.map((g: { grid: { code: string } }) => g.grid.code)).toEqual([GRID, OTHER_GRID]);
    expect(several.grids[0].matchedAddresses).toEqual(['文汇小区3号楼', '文汇小区5号楼']);
  });

  it('answers 404 outside every grid, for an address no building has, and for a retired grid', async () => {
    const outside = await lookup('lat=30.1&lng=120.1');
    expect(outside.statusCode).toBe(404);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    const nowhere = await lookup(`address=${encodeURIComponent('不存在的路88号')}`);
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a half point, a point with an address, neither, and a too-short address with 400 naming the field', async () => {
    const field = async (query: string) => {
      const response = await lookup(query);
      expect(response.statusCode).toBe(400);
      return response.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await field('lat=37.405')).toEqual(['lng']);
    expect(await field(`lat=37.405&lng=118.505&address=${encodeURIComponent('文汇小区')}`)).toEqual(['address']);
    expect(await field('')).toEqual(['lat']);
    expect(await field('address=a')).toEqual(['address']);
    expect(await field('address=%20%2C%2C%20')).toEqual(['address']);
    expect(await field('lat=north&lng=118.5')).toEqual(['lat']);
  });

  it('asks the registry as the public caller, whose handler answers no one else', async () => {
    await expect(registry.findPublicGrid(SYSTEM_CALLER, { lat: 37.405, lng: 118.505 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asUser = new RegistryClient(await walk.platform.bus());
    await expect(asUser.findPublicGrid({ sub: 'admin-1', roles: ['admin'], units: [] }, { lat: 37.405, lng: 118.505 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The gateway may sign the public caller; the seed (any process but the gateway) may not assert it.
    await expect(registry.findPublicGrid(PUBLIC_CALLER, { lat: 37.405, lng: 118.505 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await asUser.findPublicGrid(PUBLIC_CALLER, { lat: 37.405, lng: 118.505 })).grids[0].grid.code).toBe(GRID);
  });

  it('answers 429 with Retry-After to an address over the limit, while other addresses go on', async () => {
    for (let i = 0; i < 3; i++) expect((await lookup('lat=37.405&lng=118.505', limited, '198.51.100.7')).statusCode).toBe(200);
    const refused = await lookup('lat=37.405&lng=118.505', limited, '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await lookup('lat=37.405&lng=118.505', limited, '198.51.100.8')).statusCode).toBe(200);
  });

  describe('POST /api/v1/units/:code/assignments (workPhone)', () => {
    it('refuses a work phone that is not a phone with 400 naming workPhone, and assigns no one', async () => {
      const person = (await gateway.app.inject({ method: 'POST', url: '/api/v1/people', headers: { authorization: `Bearer ${admin}` }, payload: { name: '孙丽' } })).json();
      const before = (await gateway.app.inject({ method: 'GET', url: `/api/v1/units/${GRID}/people`, headers: { authorization: `Bearer ${admin}` } })).json();
      const refused = await gateway.app.inject({
        method: 'POST',
        url: `/api/v1/units/${GRID}/assignments`,
        headers: { authorization: `Bearer ${admin}` },
        payload: { personId: person.id, role: 'grid_staff', workPhone: '8221234' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([{ field: 'workPhone', reasons: [expect.stringMatching(/^workPhone must be a mainland mobile/)] }]);
      const after = (await gateway.app.inject({ method: 'GET', url: `/api/v1/units/${GRID}/people`, headers: { authorization: `Bearer ${admin}` } })).json();
      expect(after).toHaveLength(before.length);

      const assigned = await gateway.app.inject({
        method: 'POST',
        url: `/api/v1/units/${GRID}/assignments`,
        headers: { authorization: `Bearer ${admin}` },
        payload: { personId: person.id, role: 'grid_staff', workPhone: '(0546) 8221235' },
      });
      expect(assigned.statusCode).toBe(201);
      expect(assigned.json()).toMatchObject({ role: 'grid_staff', workPhone: '0546-8221235' });
    });
  });

  describe('PATCH /api/v1/assignments/:id (workPhone)', () => {
    it('lets the grid centre change the published work phone, which the public lookup shows at once, within its scope only', async () => {
      const communityAdmin = await testToken({ sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] });
      const elsewhere = await testToken({ sub: 'community-2', roles: ['community_admin'], units: ['370502003002'] });
      const gridStaff = await testToken({ sub: 'staff-1', roles: ['grid_staff'], units: [OTHER_GRID] });
      const staff = (await gateway.app.inject({ method: 'GET', url: `/api/v1/units/${OTHER_GRID}/people?role=grid_staff`, headers: { authorization: `Bearer ${admin}` } })).json();
      const id = staff[0].id as string;
      const patch = (token: string, payload: object, target = id) =>
        gateway.app.inject({ method: 'PATCH', url: `/api/v1/assignments/${target}`, headers: { authorization: `Bearer ${token}` }, payload });
      const published = async () => (await lookup('lat=37.405&lng=118.525')).json().grids[0].staff;

      // Not a grid centre: 403 before any look-up. Another community's centre: 404, as for an unknown id.
      expect((await patch(gridStaff, { workPhone: '0546-8229999' })).statusCode).toBe(403);
      const outside = await patch(elsewhere, { workPhone: '0546-8229999' });
      expect(outside.statusCode).toBe(404);
      expect(outside.body).not.toContain(OTHER_GRID);
      expect((await patch(communityAdmin, { workPhone: '0546-8229999' }, '6f1c2b8e-8a55-4f0e-9a57-0d1d1f7e2a11')).statusCode).toBe(404);
      // Bad input: 400 naming the field, nothing changed.
      for (const bad of [{ workPhone: '8221234' }, { workPhone: 12345 }, {}, { workPhone: '0546-8229999', role: 'grid_partner' }]) {
        const refused = await patch(communityAdmin, bad);
        expect(refused.statusCode).toBe(400);
        expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([Object.keys(bad).includes('role') ? 'role' : 'workPhone']);
      }
      expect(await published()).toEqual([{ name: '赵敏', role: 'grid_staff', workPhone: null }]);

      const changed = await patch(communityAdmin, { workPhone: '(0546) 8229999-802' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ id, unitCode: OTHER_GRID, workPhone: '0546-8229999-802', personPhone: '139****9876' });
      expect(await published()).toEqual([{ name: '赵敏', role: 'grid_staff', workPhone: '0546-8229999-802' }]);
      // null withdraws it.
      expect((await patch(communityAdmin, { workPhone: null })).json()).toMatchObject({ workPhone: null });
      expect(await published()).toEqual([{ name: '赵敏', role: 'grid_staff', workPhone: null }]);
    });
  });
});
