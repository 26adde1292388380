import { Matches, type ValidationOptions } from 'class-validator';

/** A department's code on the responsibility list: 2–32 characters A-Z, 0-9 or _, starting with a letter. */
export const DEPARTMENT_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/;

/** Whether a value is a department code. */
export function isDepartmentCode(value: unknown): value is string {
  return typeof value === 'string' && DEPARTMENT_CODE_PATTERN.test(value);
}

/** class-validator decorator: a department code; the message names the field (`departmentCode must be a department code`) unless options give one. */
export function IsDepartmentCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(DEPARTMENT_CODE_PATTERN, { message: '$property must be a department code', ...options });
}
