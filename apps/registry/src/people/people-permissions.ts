import { isUnrestricted, requireRole, scopeCovers, type Caller, type Role } from '@gridline/auth';
import { unitOutOfScope } from '../unit/unit.errors';
import { personOutOfScope } from './people.errors';

/** The grid centres keep the people of their units, like they keep the map. */
const PEOPLE_KEEPERS: readonly Role[] = ['admin', 'street_admin', 'community_admin'];

export function assertMayAddPeople(caller: Caller): void {
  requireRole(caller, PEOPLE_KEEPERS, 'add people');
}

/** Refuses a caller who may not assign people on a unit, or end their assignments there. */
export function assertMayAssignOn(caller: Caller, unit: { code: string; path: string[] }): void {
  requireRole(caller, PEOPLE_KEEPERS, 'assign people to units');
  if (!scopeCovers(caller, unit.path)) throw unitOutOfScope(unit.code);
}

/**
 * A person is visible to an admin, or to a caller whose scope covers the unit of at least one of the
 * person's assignments, past, current or planned. A person with no assignment is visible to admins only:
 * they belong to no unit yet (whoever created them has the answer of the creation).
 */
export function assertMaySeePerson(caller: Caller, personId: string, unitPaths: readonly string[][]): void {
  if (isUnrestricted(caller)) return;
  if (!unitPaths.some((path) => scopeCovers(caller, path))) throw personOutOfScope(personId);
}
