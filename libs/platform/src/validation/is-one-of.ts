import { IsIn, type ValidationOptions } from 'class-validator';

/**
 * class-validator's `@IsIn` over a readonly list of literals (`as const` tuples such as `INCIDENT_ACTIONS`), without
 * a cast at each use: the same check, the same constraint name (`isIn`) and default message.
 */
export function IsOneOf<const T extends string | number>(values: readonly T[], options?: ValidationOptions): PropertyDecorator {
  return IsIn(values, options);
}
