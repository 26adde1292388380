import { PEOPLE_KEEPERS, isUnrestricted, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { unitOutOfScope } from '../unit/unit.errors';
import { assignmentNotFound, personNotFound } from './people.errors';

export function assertMayAddPeople(caller: Caller): void {
  requireRole(caller, PEOPLE_KEEPERS, 'add people');
}

export function assertKeepsPeople(caller: Caller, action: string): void {
  requireRole(caller, PEOPLE_KEEPERS, action);
}

/**
 * Refuses to end an assignment on a unit outside the caller's scope exactly as if it did not exist (404): the
 * answer must not tell which unit an assignment id belongs to. Check the role first (`assertKeepsPeople`).
 */
export function assertMayEndAssignmentOn(caller: Caller, assignmentId: string, unit: { path: string[] }): void {
  if (!scopeCovers(caller, unit.path)) throw assignmentNotFound(assignmentId);
}

/** Refuses a caller who may not assign people on a unit, or end their assignments there. */
export function assertMayAssignOn(caller: Caller, unit: { code: string; path: string[] }): void {
  requireRole(caller, PEOPLE_KEEPERS, 'assign people to units');
  if (!scopeCovers(caller, unit.path)) throw unitOutOfScope(unit.code);
}

/**
 * A person is visible to an admin, or to a caller whose scope covers the unit of at least one of the
 * person's assignments, past, current or planned. A person with no assignment is visible to admins only:
 * they belong to no unit yet (whoever created them has the answer of the creation). A person the caller may
 * not see is answered like one that does not exist (404), so that the answer tells nothing about them.
 */
export function assertMaySeePerson(caller: Caller, personId: string, unitPaths: readonly string[][]): void {
  if (isUnrestricted(caller)) return;
  if (!unitPaths.some((path) => scopeCovers(caller, path))) throw personNotFound(personId);
}

/**
 * Who may give a person a role (besides the unit's own rule, `assertMayAssignOn`): a caller who may see the
 * person, or — for a person with no assignment at all, past, current or planned, who belongs to no unit yet —
 * any people keeper, so that a community centre can place the person it has just created. A person who works
 * elsewhere only is answered like an unknown person (404, no name): the answer of an assignment carries the
 * person's name and masked phone, which the caller may see only once the person works in their scope.
 */
export function assertMayAssignPerson(caller: Caller, personId: string, unitPaths: readonly string[][]): void {
  if (unitPaths.length === 0) return;
  assertMaySeePerson(caller, personId, unitPaths);
}
