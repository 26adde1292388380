import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_MESSAGE = 'must be a mainland mobile number of 11 digits starting 13–19';

/**
 * Strips spaces (any whitespace) and hyphens, then a +86, 0086 or 86 country prefix when 11 digits follow it:
 * `+86 138-0013-8000` → `13800138000`. Anything else is returned without its separators, unjudged.
 */
export function normalizeMobile(value: string): string {
  const compact = value.replace(/[\s-]+/g, '');
  return compact.replace(/^(?:\+86|0086|86)(\d{11})$/, '$1');
}

/** Why a value is not a mainland China mobile number (after normalizeMobile), or null when it is. */
export function mobileProblem(value: unknown): string | null {
  if (typeof value !== 'string') return MOBILE_MESSAGE;
  return MOBILE.test(normalizeMobile(value)) ? null : MOBILE_MESSAGE;
}

export function IsMainlandMobile(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isMainlandMobile',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => mobileProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${mobileProblem(args?.value)}`,
      },
    });
}

/** class-transformer decorator: a string field normalised as a mobile number (no separators or +86) before validation. */
export function NormalizeMobile(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeMobile(value) : value));
}
