import { AppError } from '@gridline/platform';
import { RegistryErrorCode } from '@gridline/contracts-registry';

const NOT_FOUND: Record<string, RegistryErrorCode> = {
  building: RegistryErrorCode.BuildingNotFound,
  household: RegistryErrorCode.HouseholdNotFound,
  resident: RegistryErrorCode.ResidentNotFound,
  business: RegistryErrorCode.BusinessNotFound,
};

export function recordNotFound(kind: string, id: string): AppError {
  return new AppError(NOT_FOUND[kind] ?? RegistryErrorCode.ResidentNotFound, 'not_found', `No ${kind} ${id} in your scope`, { id });
}

/** A rule on one field broken: 400 naming the field; the message never quotes personal data. */
export function registerInvalid(field: string, reason: string): AppError {
  return new AppError(RegistryErrorCode.RegisterInvalid, 'validation', `${field} ${reason}`, { fields: [{ field, reasons: [reason] }] });
}
