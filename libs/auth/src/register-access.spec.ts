import { AppError } from '@gridline/platform';
import { ROLES, type Caller, type Role } from './caller';
import { REGISTER_ACCESS, REGISTER_ACTIONS, REGISTER_KINDS, mayAccessRegister, registerRoles, registerRolesAny, requireRegisterAccess } from './register-access';

const caller = (...roles: Role[]): Caller => ({ sub: 'someone', roles, units: ['370502003'] });

describe('REGISTER_ACCESS', () => {
  it('has a row for every register kind and action, naming only known roles', () => {
    for (const kind of REGISTER_KINDS) {
      for (const action of REGISTER_ACTIONS) {
        for (const role of registerRoles(kind, action)) expect(ROLES).toContain(role);
      }
    }
  });

  it('lets no one change a register they may not read, or reveal a resident they may not read', () => {
    for (const kind of REGISTER_KINDS) {
      const readers = registerRoles(kind, 'read');
      for (const action of ['write', 'import', 'reveal'] as const) {
        for (const role of registerRoles(kind, action)) expect(readers).toContain(role);
      }
    }
  });

  it('keeps the registers from analysts, hotline operators, departments, party secretaries and grid partners', () => {
    for (const role of ['analyst', 'hotline_operator', 'department', 'party_secretary', 'grid_partner'] as const) {
      for (const kind of REGISTER_KINDS) {
        for (const action of REGISTER_ACTIONS) expect(mayAccessRegister(caller(role), kind, action)).toBe(false);
      }
    }
  });

  it('shows building chiefs and property staff buildings and households, but no resident', () => {
    for (const role of ['building_chief', 'property_staff'] as const) {
      expect(mayAccessRegister(caller(role), 'building', 'read')).toBe(true);
      expect(mayAccessRegister(caller(role), 'household', 'read')).toBe(true);
      expect(mayAccessRegister(caller(role), 'resident', 'read')).toBe(false);
      expect(mayAccessRegister(caller(role), 'business', 'read')).toBe(false);
      expect(mayAccessRegister(caller(role), 'household', 'write')).toBe(false);
    }
  });

  it('lets community police reveal but not change; grid staff keep every register', () => {
    expect(mayAccessRegister(caller('community_police'), 'resident', 'reveal')).toBe(true);
    expect(mayAccessRegister(caller('community_police'), 'resident', 'write')).toBe(false);
    for (const kind of REGISTER_KINDS) expect(mayAccessRegister(caller('grid_staff'), kind, 'write')).toBe(true);
    expect(REGISTER_ACCESS.resident.audit).toEqual(['admin']);
  });

  it('joins the roles of several kinds without repeats', () => {
    const roles = registerRolesAny(['building', 'household', 'resident'], 'import');
    expect(new Set(roles).size).toBe(roles.length);
    expect(roles).toEqual(expect.arrayContaining(['admin', 'grid_staff']));
  });
});

describe(requireRegisterAccess.name, () => {
  it('refuses with FORBIDDEN naming the roles that may, and passes an allowed role', () => {
    expect(() => requireRegisterAccess(caller('grid_staff'), 'resident', 'read')).not.toThrow();
    try {
      requireRegisterAccess(caller('analyst'), 'resident', 'read');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'FORBIDDEN', details: { requiredRoles: [...registerRoles('resident', 'read')] } });
    }
  });
});
