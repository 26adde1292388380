import { AppError, fieldInvalid } from '@gridline/platform';
import { RegistryErrorCode } from '@gridline/contracts-registry';

export function categoryInvalid(field: string, reason: string): AppError {
  return fieldInvalid(RegistryErrorCode.CategoryInvalid, field, reason);
}

export function categoryNotFound(code: string): AppError {
  return new AppError(RegistryErrorCode.CategoryNotFound, 'not_found', `Category ${code} does not exist`, { code });
}

export function departmentNotFound(code: string): AppError {
  return new AppError(RegistryErrorCode.DepartmentNotFound, 'not_found', `Department ${code} does not exist`, { code });
}
