import { mayAccessRegister, requireRegisterAccess, scopeCovers, type Caller, type RegisterKind } from '@gridline/auth';
import { unitOutOfScope } from '../unit/unit.errors';
import { recordNotFound } from './register.errors';

// Who may do what is the one table in @gridline/auth (REGISTER_ACCESS), which the gateway's @Roles use
// too; this file adds scope on top of it.

/** Whether a record lies in the caller's scope. */
export function inScope(caller: Caller, record: { path: string[] }): boolean {
  return scopeCovers(caller, record.path);
}

/** A caller whose roles may list a register at all (403 otherwise); the list itself is cut to scope. */
export function assertMayList(caller: Caller, kind: RegisterKind): void {
  requireRegisterAccess(caller, kind, 'read');
}

interface ScopedRecord {
  id: string;
  path: string[];
}

/**
 * The caller's roles may read this register (403 otherwise, checked first so that the answer does not
 * depend on the record), and the record exists in their scope. A record outside the scope answers 404,
 * exactly as one that does not exist: its existence is itself personal information.
 */
export function assertMayRead<T extends ScopedRecord>(caller: Caller, kind: RegisterKind, id: string, record: T | null): asserts record is T {
  requireRegisterAccess(caller, kind, 'read');
  if (!record || !inScope(caller, record)) throw recordNotFound(kind, id);
}

/** As assertMayRead, for changing the record. */
export function assertMayWrite<T extends ScopedRecord>(caller: Caller, kind: RegisterKind, id: string, record: T | null): asserts record is T {
  requireRegisterAccess(caller, kind, 'write');
  if (!record || !inScope(caller, record)) throw recordNotFound(kind, id);
}

/** A new record in a grid: the caller keeps this register and the grid is in their scope (403 otherwise). */
export function assertMayWriteIn(caller: Caller, kind: RegisterKind, grid: { code: string; path: string[] }): void {
  requireRegisterAccess(caller, kind, 'write');
  if (!inScope(caller, grid)) throw unitOutOfScope(grid.code);
}

/** A household's members are residents: they come only to callers who may read residents. */
export function mayReadMembers(caller: Caller): boolean {
  return mayAccessRegister(caller, 'resident', 'read');
}
