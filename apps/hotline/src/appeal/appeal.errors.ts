import { AppError, fieldChecks } from '@gridline/platform';
import { AppealErrorCode } from '@gridline/contracts-hotline';

/** A field's rule broken (400 naming the field), and a field a step requires (`need`). */
export const { invalid: appealInvalid, need } = fieldChecks(AppealErrorCode.Invalid);

/** 404 for an appeal that does not exist or that the caller may not see: the two are answered alike. */
export function appealNotFound(id: string): AppError {
  return new AppError(AppealErrorCode.NotFound, 'not_found', `Appeal ${id} does not exist in your scope`, { id });
}
