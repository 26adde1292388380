import { AppError, type ErrorKind } from './app-error';

/**
 * One field of a request breaks a rule the DTOs cannot see (a code the registry does not know, a day in the future):
 * the service's own code, `"<field> <reason>"` as the message and `details.fields` naming the field — the same
 * shape as a DTO's validation failure, so every edge shows it on the field. `reason` may list several; the message
 * tells the first.
 */
export function fieldInvalid(code: string, field: string, reason: string | readonly string[], kind: ErrorKind = 'validation'): AppError {
  const reasons = typeof reason === 'string' ? [reason] : [...reason];
  return new AppError(code, kind, `${field} ${reasons[0]}`, { fields: [{ field, reasons }] });
}

/** The field checks of one service's code: `invalid(field, reason)`, and `need(value, field, reason)` for a field a step requires. */
export interface FieldChecks {
  invalid(field: string, reason: string | readonly string[]): AppError;
  /** The value, when it is given (not undefined, null or ''); else throws `invalid(field, reason)`. */
  need<T>(value: T | undefined | null, field: string, reason: string): T;
}

/** `fieldInvalid` and a `need` bound to a service's code: `export const { invalid: incidentInvalid, need } = fieldChecks(IncidentErrorCode.Invalid)`. */
export function fieldChecks(code: string): FieldChecks {
  const invalid = (field: string, reason: string | readonly string[]) => fieldInvalid(code, field, reason);
  return {
    invalid,
    need<T>(value: T | undefined | null, field: string, reason: string): T {
      if (value === undefined || value === null || value === '') throw invalid(field, reason);
      return value;
    },
  };
}
