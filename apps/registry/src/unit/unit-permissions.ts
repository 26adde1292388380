import { MAP_EDITORS, isUnrestricted, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import type { UnitEntity } from './unit.entity';
import { notAllowed, unitOutOfScope } from './unit.errors';

/** Refuses a caller who may not edit the map beneath `under` (a unit's path, or null for a new street). */
export function assertMayEditMap(caller: Caller, under: { code: string; path: string[] } | null): void {
  requireRole(caller, MAP_EDITORS, 'change the grid map');
  if (under === null) {
    if (!isUnrestricted(caller)) throw notAllowed('create a street');
    return;
  }
  if (!scopeCovers(caller, under.path)) throw unitOutOfScope(under.code);
}

export function assertMayRead(caller: Caller, unit: UnitEntity): void {
  if (!scopeCovers(caller, unit.path)) throw unitOutOfScope(unit.code);
}
