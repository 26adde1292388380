import { requireRole, type Caller, type Role } from '@gridline/auth';

/** The street grid centre keeps the responsibility list and the calendar. */
const LIST_KEEPERS: readonly Role[] = ['admin', 'street_admin'];

export function assertMayKeepList(caller: Caller): void {
  requireRole(caller, LIST_KEEPERS, 'change the responsibility list');
}
