import { Matches, type ValidationOptions } from 'class-validator';

/** A unit's code: a street's 9 digits, a community's 12, a grid's 15 (each extends its parent's). */
export const UNIT_CODE_PATTERN = /^\d{9}(\d{3}){0,2}$/;

/** A grid's code: 15 digits. */
export const GRID_CODE_PATTERN = /^\d{15}$/;

/** Whether a value is a unit code (a street's, a community's or a grid's). */
export function isUnitCode(value: unknown): value is string {
  return typeof value === 'string' && UNIT_CODE_PATTERN.test(value);
}

/** class-validator decorator: a unit code; the message names the field (`unit must be a unit code`) unless options give one. */
export function IsUnitCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(UNIT_CODE_PATTERN, { message: '$property must be a unit code', ...options });
}

/** class-validator decorator: a grid's 15-digit code. */
export function IsGridCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(GRID_CODE_PATTERN, { message: '$property must be the 15-digit code of a grid', ...options });
}
