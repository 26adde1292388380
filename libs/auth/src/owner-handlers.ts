import { hasAnyRole, scopeCovers, type Caller, type Role } from './caller';

/** A unit an appeal or a case may be handed to, and its level. */
export type OwnerUnitLevel = 'grid' | 'community' | 'street';

/** Who an appeal or a case was handed to: a department, or a grid, community or street. */
export type WorkOwner = { kind: 'department'; departmentCode: string } | { kind: 'unit'; unitCode: string; level: OwnerUnitLevel };

/** The roles that handle for a unit owner, by its level: a grid's staff and the centres above it, a community's centres, a street's. */
export const OWNER_HANDLER_ROLES: Readonly<Record<OwnerUnitLevel, readonly Role[]>> = {
  grid: ['grid_staff', 'community_admin', 'street_admin'],
  community: ['community_admin', 'street_admin'],
  street: ['street_admin'],
};

/**
 * Whether the caller handles for the owner of work placed at `path` (the unit path of the appeal or case): a
 * department's handler for its department, else a handler role of the unit's level whose scope covers the owner
 * unit (its part of the path, or the unit alone when the path does not pass through it). No one is an owner's
 * handler by being admin; callers add that where their rule says so.
 */
export function handlesOwner(caller: Caller, owner: WorkOwner | null | undefined, path: readonly string[]): boolean {
  if (!owner) return false;
  if (owner.kind === 'department') return caller.roles.includes('department') && caller.units.includes(owner.departmentCode);
  const at = path.indexOf(owner.unitCode);
  const ownerPath = at >= 0 ? path.slice(0, at + 1) : [owner.unitCode];
  return hasAnyRole(caller, OWNER_HANDLER_ROLES[owner.level]) && scopeCovers(caller, ownerPath);
}
