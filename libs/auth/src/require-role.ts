import { AppError, CommonErrorCode } from '@gridline/platform';
import { hasAnyRole, isPublicCaller, type Caller, type Role } from './caller';
import { internalCaller } from './caller-assertion';

/** Refuses (403 FORBIDDEN) a caller holding none of the roles; `action` completes "Your roles do not allow you to …". */
export function requireRole(caller: Caller, roles: readonly Role[], action: string): void {
  if (!hasAnyRole(caller, roles)) {
    throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles do not allow you to ${action}`, { requiredRoles: [...roles] });
  }
}

/**
 * Refuses (403 FORBIDDEN) any caller but the platform process `process` acting for itself (`svc:<process>`, which only
 * that process's own key can sign): for requests answered to one service alone, e.g. a member's name for the registry.
 */
export function requireProcess(caller: Caller, process: string, action: string): void {
  if (caller.sub !== internalCaller(process).sub) {
    throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Only the ${process} service may ${action}`, { requiredCaller: internalCaller(process).sub });
  }
}

/** Refuses (403 FORBIDDEN) anyone but the public caller, on a public lookup's handler; `lookup` names it ("The … answers the public caller only"). */
export function requirePublicCaller(caller: Caller, lookup: string): void {
  if (!isPublicCaller(caller)) throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `${lookup} answers the public caller only`);
}
