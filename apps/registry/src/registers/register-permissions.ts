import { requireRole, scopeCovers, type Caller, type Role } from '@gridline/auth';
import { unitOutOfScope } from '../unit/unit.errors';
import { recordNotFound } from './register.errors';

/** Who keeps the registers (basic-information collection). */
export const REGISTER_WRITERS: readonly Role[] = ['admin', 'street_admin', 'community_admin', 'grid_staff'];

/** Who may see an ID or phone number in clear (within scope, with a reason, audited). */
export const REVEALERS: readonly Role[] = ['admin', 'street_admin', 'community_admin', 'grid_staff', 'community_police'];

/**
 * A record outside the caller's scope answers 404, as if it did not exist: its existence is itself
 * personal information.
 */
export function assertMayRead(caller: Caller, record: { path: string[]; id: string }, kind: string): void {
  if (!scopeCovers(caller, record.path)) throw recordNotFound(kind, record.id);
}

export function assertMayWrite(caller: Caller, record: { path: string[]; id: string }, kind: string): void {
  requireRole(caller, REGISTER_WRITERS, 'change the registers');
  assertMayRead(caller, record, kind);
}

/** Callers who only read figures see names masked too. */
export function namesMasked(caller: Caller): boolean {
  return caller.roles.every((role) => role === 'analyst');
}

/** A new record in a grid: the caller keeps registers and the grid is in their scope (403 otherwise). */
export function assertMayWriteIn(caller: Caller, grid: { code: string; path: string[] }): void {
  requireRole(caller, REGISTER_WRITERS, 'change the registers');
  if (!scopeCovers(caller, grid.path)) throw unitOutOfScope(grid.code);
}
