import fc from 'fast-check';
import { ROLES, type Caller, type Role } from './caller';
import { handlesOwner, OWNER_HANDLER_ROLES, type WorkOwner } from './owner-handlers';

const street = '370502003';
const community = '370502003001';
const grid = '370502003001001';
const path = [street, community, grid];
const caller = (roles: Role[], units: string[]): Caller => ({ sub: 'u', roles, units });

describe(handlesOwner.name, () => {
  const gridOwner: WorkOwner = { kind: 'unit', unitCode: grid, level: 'grid' };
  const communityOwner: WorkOwner = { kind: 'unit', unitCode: community, level: 'community' };
  const department: WorkOwner = { kind: 'department', departmentCode: 'CITY_ADMIN' };

  it("takes a grid's staff and the centres above it for a grid owner", () => {
    expect(handlesOwner(caller(['grid_staff'], [grid]), gridOwner, path)).toBe(true);
    expect(handlesOwner(caller(['community_admin'], [community]), gridOwner, path)).toBe(true);
    expect(handlesOwner(caller(['street_admin'], [street]), gridOwner, path)).toBe(true);
  });

  it("refuses a grid's staff for its community, and staff of another grid", () => {
    expect(handlesOwner(caller(['grid_staff'], [grid]), communityOwner, path)).toBe(false);
    expect(handlesOwner(caller(['grid_staff'], ['370502003001002']), gridOwner, path)).toBe(false);
  });

  it("takes a department's handlers for their department only", () => {
    expect(handlesOwner(caller(['department'], ['CITY_ADMIN']), department, path)).toBe(true);
    expect(handlesOwner(caller(['department'], ['WATER']), department, path)).toBe(false);
    expect(handlesOwner(caller(['street_admin'], ['CITY_ADMIN']), department, path)).toBe(false);
  });

  it('judges an owner unit off the path by the unit alone', () => {
    const elsewhere: WorkOwner = { kind: 'unit', unitCode: '370502004', level: 'street' };
    expect(handlesOwner(caller(['street_admin'], ['370502004']), elsewhere, path)).toBe(true);
    expect(handlesOwner(caller(['street_admin'], [street]), elsewhere, path)).toBe(false);
  });

  it('has no owner to handle when there is none', () => {
    expect(handlesOwner(caller(['street_admin'], [street]), null, path)).toBe(false);
  });

  it('takes exactly the handler roles of the level, in scope, for any roles a caller holds', () => {
    const levels = ['grid', 'community', 'street'] as const;
    fc.assert(
      fc.property(fc.subarray([...ROLES]), fc.constantFrom(...levels), fc.boolean(), (roles, level, inScope) => {
        const owner: WorkOwner = { kind: 'unit', unitCode: path[levels.length - 1 - levels.indexOf(level)], level };
        const units = inScope ? [owner.unitCode] : ['999999999'];
        // An admin's scope is everywhere (scopeCovers); the role is still one of the level's.
        const expected = (inScope || roles.includes('admin')) && roles.some((r) => OWNER_HANDLER_ROLES[level].includes(r));
        return handlesOwner(caller(roles, units), owner, path) === expected;
      }),
    );
  });
});
