import { AppError, CommonErrorCode } from '@gridline/platform';
import { hasAnyRole, type Caller, type Role } from './caller';

/** The basic-information registers (基础信息). */
export const REGISTER_KINDS = ['building', 'household', 'resident', 'business'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/**
 * What a caller does with a register: `read` (list, get, search), `write` (create, update, remove),
 * `import` (CSV), `reveal` (a clear ID or phone number, audited) and `audit` (read the audit log of reveals).
 */
export const REGISTER_ACTIONS = ['read', 'write', 'import', 'reveal', 'audit'] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

const ADMINS = ['admin', 'street_admin', 'community_admin'] as const satisfies readonly Role[];
/** Who keeps the registers: the grid centres and grid staff. */
const KEEPERS = [...ADMINS, 'grid_staff'] as const satisfies readonly Role[];
/** Who reads every register of their scope without keeping it: supervisors and community police. */
const READERS = [...KEEPERS, 'grid_instructor', 'community_police'] as const satisfies readonly Role[];
const NOBODY = [] as const satisfies readonly Role[];

/**
 * The one table of who may do what with the registers, read by the gateway (`@Roles`) and by the registry
 * alike; scope (the caller's units) applies on top of it everywhere. Least privilege: building chiefs and
 * property staff see buildings and households (not their members), social workers the residents they care
 * for, but nobody outside this table — analysts get figures (collection quality), hotline operators,
 * departments, party secretaries and grid partners no register at all. An empty list: no such route.
 * Documented in docs/access.md.
 */
export const REGISTER_ACCESS: Readonly<Record<RegisterKind, Readonly<Record<RegisterAction, readonly Role[]>>>> = {
  building: { read: [...READERS, 'social_worker', 'building_chief', 'property_staff'], write: KEEPERS, import: KEEPERS, reveal: NOBODY, audit: NOBODY },
  household: { read: [...READERS, 'social_worker', 'building_chief', 'property_staff'], write: KEEPERS, import: KEEPERS, reveal: NOBODY, audit: NOBODY },
  resident: { read: [...READERS, 'social_worker'], write: KEEPERS, import: KEEPERS, reveal: [...KEEPERS, 'community_police'], audit: ['admin'] },
  business: { read: READERS, write: KEEPERS, import: NOBODY, reveal: NOBODY, audit: NOBODY },
};

/** The roles allowed an action on a register. */
export function registerRoles(kind: RegisterKind, action: RegisterAction): readonly Role[] {
  return REGISTER_ACCESS[kind][action];
}

/** Every role allowed the action on at least one of the kinds (a route that serves several, e.g. imports). */
export function registerRolesAny(kinds: readonly RegisterKind[], action: RegisterAction): Role[] {
  return [...new Set(kinds.flatMap((kind) => registerRoles(kind, action)))];
}

export function mayAccessRegister(caller: Caller, kind: RegisterKind, action: RegisterAction): boolean {
  return hasAnyRole(caller, registerRoles(kind, action));
}

const ACTION_WORDS: Record<RegisterAction, string> = {
  read: 'read',
  write: 'change',
  import: 'import',
  reveal: 'see clear numbers of',
  audit: 'read the audit log of',
};

/** Refuses (403 FORBIDDEN, naming the roles that may) a caller the table does not allow. */
export function requireRegisterAccess(caller: Caller, kind: RegisterKind, action: RegisterAction): void {
  if (mayAccessRegister(caller, kind, action)) return;
  const roles = [...registerRoles(kind, action)];
  throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles do not allow you to ${ACTION_WORDS[action]} the ${kind} register`, { requiredRoles: roles });
}
