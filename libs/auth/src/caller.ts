/** Roles carried in tokens (see DOMAIN.md). */
export const ROLES = [
  'admin',
  'street_admin',
  'community_admin',
  'grid_instructor',
  'grid_staff',
  'grid_partner',
  'hotline_operator',
  'department',
  'party_secretary',
  'analyst',
  'building_chief',
  'property_staff',
  'community_police',
  'social_worker',
  /** A party member signing in for their own record, activities and service hours (party-building). */
  'party_member',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who is asking, and where: the roles apply to `units` and everything beneath them.
 * The gateway builds it from the token and passes it with every request over the bus,
 * so that services enforce scope themselves.
 */
export interface Caller {
  sub: string;
  name?: string;
  roles: Role[];
  units: string[];
}

/** A caller whose scope is the whole platform. */
export function isUnrestricted(caller: Caller): boolean {
  return caller.roles.includes('admin');
}

export function hasAnyRole(caller: Caller, roles: readonly Role[]): boolean {
  return caller.roles.some((r) => roles.includes(r));
}

/**
 * Whether the caller's scope covers a unit, given the unit's path (its ancestors' codes and its own,
 * from the top down).
 */
export function scopeCovers(caller: Caller, unitPath: readonly string[]): boolean {
  return isUnrestricted(caller) || unitPath.some((code) => caller.units.includes(code));
}

/**
 * "This process, acting for itself" (a scheduler, a consumer, the seed). Over the bus it is signed as the process's own
 * identity `svc:<process>` (see caller-assertion.ts); no bearer token can claim it.
 */
export const SYSTEM_CALLER: Caller = { sub: 'system', name: 'system', roles: ['admin'], units: [] };

/**
 * Someone without a token (a resident finding their grid member): no roles, no scope. Only the gateway signs it, for
 * its public routes; no bearer token can claim it, and only handlers made for the public accept it.
 */
export const PUBLIC_CALLER: Caller = { sub: 'public', name: 'public', roles: [], units: [] };

/** Whether the caller is exactly the public caller: subject `public`, no roles, no scope. */
export function isPublicCaller(caller: Caller): boolean {
  return caller.sub === PUBLIC_CALLER.sub && caller.roles.length === 0 && caller.units.length === 0;
}

/** The bus header carrying the signed caller assertion. */
export const CALLER_HEADER = 'gridline-caller';
