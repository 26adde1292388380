import { randomUUID } from 'node:crypto';
import { ROLES, hasAnyRole, registerRoles, registerRolesAny, type Caller, type Role } from '@gridline/auth';
import { testToken, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** The roles the access table allows on the route. */
  allowed: readonly Role[];
  payload?: unknown;
  contentType?: string;
}

const id = () => randomUUID();
const EVERYONE = ROLES;

/**
 * Every register route of the gateway. Ids that do not exist and bodies that create nothing, so that an
 * allowed caller gets 200, 400 or 404 — anything but 403 — and a forbidden one 403.
 */
const ROUTES: Route[] = [
  ...(['building', 'household', 'business'] as const).flatMap((kind): Route[] => {
    const path = { building: 'buildings', household: 'households', business: 'businesses' }[kind];
    return [
      { method: 'GET', url: `/api/v1/${path}`, allowed: registerRoles(kind, 'read') },
      { method: 'GET', url: `/api/v1/${path}/${id()}`, allowed: registerRoles(kind, 'read') },
      { method: 'POST', url: `/api/v1/${path}`, allowed: registerRoles(kind, 'write'), payload: {} },
      { method: 'PATCH', url: `/api/v1/${path}/${id()}`, allowed: registerRoles(kind, 'write'), payload: {} },
      { method: 'DELETE', url: `/api/v1/${path}/${id()}`, allowed: registerRoles(kind, 'write') },
    ];
  }),
  { method: 'GET', url: '/api/v1/residents', allowed: registerRoles('resident', 'read') },
  { method: 'GET', url: `/api/v1/residents/${id()}`, allowed: registerRoles('resident', 'read') },
  { method: 'GET', url: `/api/v1/residents/${id()}/reveal?fields=idNumber&reason=${encodeURIComponent('核实身份信息')}`, allowed: registerRoles('resident', 'reveal') },
  { method: 'POST', url: '/api/v1/residents', allowed: registerRoles('resident', 'write'), payload: {} },
  { method: 'PATCH', url: `/api/v1/residents/${id()}`, allowed: registerRoles('resident', 'write'), payload: { name: '某人' } },
  { method: 'DELETE', url: `/api/v1/residents/${id()}`, allowed: registerRoles('resident', 'write') },
  { method: 'GET', url: '/api/v1/audit', allowed: registerRoles('resident', 'audit') },
  { method: 'POST', url: '/api/v1/imports/buildings', allowed: registerRoles('building', 'import'), payload: 'grid_code,address\n', contentType: 'text/csv' },
  { method: 'POST', url: '/api/v1/imports/households', allowed: registerRoles('household', 'import'), payload: 'grid_code,address\n', contentType: 'text/csv' },
  { method: 'POST', url: '/api/v1/imports/residents', allowed: registerRoles('resident', 'import'), payload: 'grid_code,name,id_number\n', contentType: 'text/csv' },
  { method: 'GET', url: `/api/v1/imports/${id()}`, allowed: registerRolesAny(['building', 'household', 'resident'], 'import') },
  // Collection quality is a figure, not a register: every role reads it within its scope.
  { method: 'GET', url: `/api/v1/units/${GRID}/quality`, allowed: EVERYONE },
];

describe('register access: every role × every register route through the gateway', () => {
  let walk: StreetFixture;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry'], gateway: true });
    await walk.seed({ units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()] });
    // Street-wide scope for every role: a 403 can only come from the role, never from the scope.
    for (const role of ROLES) tokens.set(role, await testToken({ sub: `matrix-${role}`, roles: [role], units: [STREET] }));
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call = (role: Role, route: Route) =>
    walk.gateway.app.inject({
      method: route.method,
      url: route.url,
      headers: { authorization: `Bearer ${tokens.get(role)}`, ...(route.contentType ? { 'content-type': route.contentType } : {}) },
      ...(route.payload !== undefined ? { payload: route.payload as string } : {}),
    });

  it('answers 403 to exactly the roles the access table leaves out', async () => {
    const wrong: string[] = [];
    let allowed = 0;
    for (const role of ROLES) {
      const caller: Caller = { sub: role, roles: [role], units: [STREET] };
      for (const route of ROUTES) {
        const expected = hasAnyRole(caller, route.allowed);
        const res = await call(role, route);
        if (expected) allowed += 1;
        if (res.statusCode >= 500) wrong.push(`${role} ${route.method} ${route.url}: ${res.statusCode}`);
        if ((res.statusCode === 403) === expected) wrong.push(`${role} ${route.method} ${route.url}: ${res.statusCode}, the table says ${expected ? 'allowed' : 'forbidden'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(allowed).toBeGreaterThan(ROUTES.length);
    // Every role (15) × every route, one after another: minutes beside the rest of the suite on two cores.
  }, 240_000);

  it('keeps residents from analysts, hotline operators and property staff, even street-wide', async () => {
    for (const role of ['analyst', 'hotline_operator', 'property_staff'] as const) {
      const res = await call(role, { method: 'GET', url: '/api/v1/residents', allowed: [] });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await call('property_staff', { method: 'GET', url: '/api/v1/buildings', allowed: [] })).statusCode).toBe(200);
  });
});
