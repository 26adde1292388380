import { AppError } from '@gridline/platform';
import { internalCaller } from './caller-assertion';
import { requireProcess, requireRole } from './require-role';

describe(requireProcess.name, () => {
  it('lets the named process acting for itself through', () => {
    expect(() => requireProcess(internalCaller('registry'), 'registry', 'read names')).not.toThrow();
  });

  it('refuses another process, an admin user and a user claiming the subject’s name', () => {
    for (const caller of [internalCaller('hotline'), { sub: 'admin-1', roles: ['admin' as const], units: [] }, { sub: 'registry', roles: ['admin' as const], units: [] }]) {
      const error = (() => {
        try {
          requireProcess(caller, 'registry', 'read names');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:registry' } });
    }
  });
});

describe(requireRole.name, () => {
  it('refuses a caller without the roles, naming them', () => {
    expect(() => requireRole({ sub: 'u', roles: ['analyst'], units: [] }, ['admin'], 'x')).toThrow('Your roles do not allow you to x');
  });
});
