import { registerDecorator, type ValidationOptions } from 'class-validator';
import { normalizeMobile } from './mobile';

/** A mainland mobile, or a fixed line with its area code (0 + 2–3 digits, then 7–8 digits), with an optional extension. */
const MOBILE = /^1[3-9]\d{9}$/;
const FIXED_LINE = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;
const WORK_PHONE_MESSAGE = 'must be a mainland mobile (11 digits starting 13–19) or a fixed line with its area code, e.g. 0546-8221234';

/**
 * A published work phone, written one way: a mobile as 11 digits (spaces, hyphens and a +86 prefix dropped), a fixed
 * line as `0AAA-NNNNNNN[-EXT]` (spaces dropped, a `(0546)` area code or a space after it taken as the hyphen).
 */
export function normalizeWorkPhone(value: string): string {
  const mobile = normalizeMobile(value);
  if (MOBILE.test(mobile)) return mobile;
  return value
    .trim()
    .replace(/^\((0\d{2,3})\)\s*/, '$1-')
    .replace(/^(0\d{2,3})\s+/, '$1-')
    .replace(/\s+/g, '');
}

/** Why a value is not a work phone (after normalizeWorkPhone), or null when it is. */
export function workPhoneProblem(value: unknown): string | null {
  if (typeof value !== 'string') return WORK_PHONE_MESSAGE;
  const phone = normalizeWorkPhone(value);
  return MOBILE.test(phone) || FIXED_LINE.test(phone) ? null : WORK_PHONE_MESSAGE;
}

/** class-validator decorator: a work phone that may be published (see workPhoneProblem). */
export function IsWorkPhone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isWorkPhone',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => workPhoneProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${workPhoneProblem(args?.value)}`,
      },
    });
}
