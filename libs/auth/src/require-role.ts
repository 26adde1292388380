import { AppError, CommonErrorCode } from '@gridline/platform';
import { hasAnyRole, type Caller, type Role } from './caller';

/** Refuses (403 FORBIDDEN) a caller holding none of the roles; `action` completes "Your roles do not allow you to …". */
export function requireRole(caller: Caller, roles: readonly Role[], action: string): void {
  if (!hasAnyRole(caller, roles)) {
    throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles do not allow you to ${action}`, { requiredRoles: [...roles] });
  }
}
