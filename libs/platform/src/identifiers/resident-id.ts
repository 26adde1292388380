import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { chinaDay } from '../calendar/china-time';

// GB 11643-1999: weights 2^(17-i) mod 11 for the first 17 digits; ISO 7064 MOD 11-2 remainders 0–10 map to these.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '19000101';

export interface ResidentIdDetails {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
  /** The 6-digit administrative division code where the number was first issued. */
  regionCode: string;
}

/** Trims and upper-cases, so a trailing lowercase x check character becomes X. */
export function normalizeResidentId(value: string): string {
  return value.trim().toUpperCase();
}

/** The GB 11643 check character (0–9 or X) for the first 17 digits of a resident identity card number. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Why a value is not a valid 18-character resident identity card number (GB 11643-1999), or null when it is.
 * Surrounding spaces and a lowercase x are accepted. Messages never quote the whole number (personal data),
 * at most its birth date part or the expected check character.
 */
export function residentIdProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const id = normalizeResidentId(value);
  if (id.length !== 18) return 'must have 18 characters';
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 17 digits followed by a digit or X';
  if (id[0] < '1' || id[0] > '8') return 'has an invalid administrative division code: the first digit must be 1–8';
  const birthDate = id.slice(6, 14);
  if (!isCalendarDate(birthDate)) return `has an invalid birth date ${birthDate}`;
  if (birthDate < EARLIEST_BIRTH_DATE) return `has an invalid birth date ${birthDate} (before 1900-01-01)`;
  // Birth dates are China calendar dates: "today" is China's, not the server zone's.
  if (birthDate > chinaDay().replace(/-/g, '')) return `has an invalid birth date ${birthDate} (after today)`;
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) return `has a wrong check character: expected ${expected}`;
  return null;
}

/** Birth date, sex and region of a valid resident identity card number; throws a RangeError explaining an invalid one. */
export function parseResidentId(value: string): ResidentIdDetails {
  const problem = residentIdProblem(value);
  if (problem) throw new RangeError(`resident ID number ${problem}`);
  const id = normalizeResidentId(value);
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => residentIdProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${residentIdProblem(args?.value)}`,
      },
    });
}

/** class-transformer decorator: a string field normalised as a resident ID number (trimmed, upper-case) before validation. */
export function NormalizeResidentId(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeResidentId(value) : value));
}
