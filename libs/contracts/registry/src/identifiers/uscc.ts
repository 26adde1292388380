import { registerDecorator, type ValidationOptions } from 'class-validator';

// GB 32100-2015: digits and upper-case letters except I, O, S, V, Z; a character's value is its index here.
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// 1 institutional staffing, 2 foreign affairs, 3 justice, 4 culture, 5 civil affairs, 6 tourism, 7 religion,
// 8 trade unions, 9 market regulation, A military staffing, N agriculture, Y other.
const REGISTRATION_AUTHORITIES = '123456789ANY';

/** Trims and upper-cases. */
export function normalizeUscc(value: string): string {
  return value.trim().toUpperCase();
}

/** The GB 32100 check character for the first 17 characters (upper case) of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckCharacter needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARACTERS.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`usccCheckCharacter: character ${i + 1} is not in the GB 32100 character set`);
    sum += value * WEIGHTS[i];
  }
  return CHARACTERS[(31 - (sum % 31)) % 31];
}

/**
 * Why a value is not a valid unified social credit code (GB 32100-2015), or null when it is.
 * Surrounding spaces and lower case are accepted.
 */
export function usccProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const code = normalizeUscc(value);
  if (code.length !== 18) return 'must have 18 characters';
  for (let i = 0; i < 18; i++) {
    if (!CHARACTERS.includes(code[i])) {
      return `has an invalid character at position ${i + 1}: only digits and the letters A–Y except I, O, S and V are used`;
    }
  }
  if (!REGISTRATION_AUTHORITIES.includes(code[0])) {
    return `has an invalid registration authority code ${code[0]}: must be one of 1–9, A, N, Y`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'has an invalid administrative division code: characters 3–8 must be digits';
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `has a wrong check character: expected ${expected}`;
  return null;
}

export function IsUnifiedSocialCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUnifiedSocialCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => usccProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${usccProblem(args?.value)}`,
      },
    });
}
