import { RESPONSIBILITY_LIST_KEEPERS, requireRole, type Caller } from '@gridline/auth';

export function assertMayKeepList(caller: Caller): void {
  requireRole(caller, RESPONSIBILITY_LIST_KEEPERS, 'change the responsibility list');
}
