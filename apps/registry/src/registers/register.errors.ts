import { AppError, fieldInvalid } from '@gridline/platform';
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
  return fieldInvalid(RegistryErrorCode.RegisterInvalid, field, reason);
}

const DUPLICATE = {
  resident: { code: RegistryErrorCode.ResidentDuplicate, key: 'ID number', idField: 'residentId' },
  business: { code: RegistryErrorCode.BusinessDuplicate, key: 'credit code', idField: 'businessId' },
} as const;

/**
 * 409: the natural key (ID number, credit code) is taken. The existing record is named only when it lies
 * in the caller's scope; otherwise the answer says no more than that it exists elsewhere, so that the 409
 * cannot serve as a look-up of other grids' records (no id, grid or name).
 */
export function duplicateRecord(kind: keyof typeof DUPLICATE, existing: { id: string }, visible: boolean): AppError {
  const { code, key, idField } = DUPLICATE[kind];
  return visible
    ? new AppError(code, 'conflict', `A ${kind} with this ${key} is already registered`, { [idField]: existing.id })
    : new AppError(code, 'conflict', `A ${kind} with this ${key} is already registered outside your scope`, { outsideYourScope: true });
}
