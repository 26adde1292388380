import { AppError, CommonErrorCode } from '@gridline/platform';
import { RegistryErrorCode } from '@gridline/contracts-registry';

/** A rule on one field of a unit broken: 400 naming the field. */
export function unitFieldError(code: RegistryErrorCode, field: string, reason: string): AppError {
  return new AppError(code, 'validation', `${field} ${reason}`, { fields: [{ field, reasons: [reason] }] });
}

export function unitNotFound(code: string): AppError {
  return new AppError(RegistryErrorCode.UnitNotFound, 'not_found', `Unit ${code} does not exist`, { code });
}

export function unitOutOfScope(code: string): AppError {
  return new AppError(RegistryErrorCode.OutOfScope, 'forbidden', `Unit ${code} is outside your scope`, { code });
}

export function notAllowed(action: string): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles do not allow you to ${action}`);
}
