import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsUnifiedSocialCreditCode, normalizeUscc, usccCheckCharacter, usccProblem } from './uscc';

const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Codes from business licences (Huawei Technologies, Shenzhen Tencent Computer Systems, Alibaba (China)); each also
// satisfies the GB 11714 check inside its organisation code, which a made-up code would do only by chance.
const PUBLISHED = ['914403001922038216', '91440300708461136T', '91330100716105852F'];

const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);
const characters = (length: number) =>
  fc.array(fc.constantFrom(...CHARACTERS), { minLength: length, maxLength: length }).map((chars) => chars.join(''));
const first17 = fc
  .tuple(fc.constantFrom(...'123456789ANY'), fc.constantFrom(...CHARACTERS), fc.stringMatching(/^\d{6}$/), characters(9))
  .map((parts) => parts.join(''));
const validUscc = first17.map(withCheck);

describe(usccCheckCharacter.name, () => {
  it('computes the check character of published codes', () => {
    for (const code of PUBLISHED) expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('turns 31 − 0 into 0', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it('makes the weighted sum of all 18 characters (the last weighing 1) a multiple of 31', () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, 1];
    fc.assert(
      fc.property(characters(17), (start) => {
        const sum = [...withCheck(start)].reduce((acc, c, i) => acc + CHARACTERS.indexOf(c) * weights[i], 0);
        expect(sum % 31).toBe(0);
      }),
    );
  });

  it('uses every character of the set as a check character', () => {
    // Stepping the first character (weight 1) through all 31 values walks every remainder.
    const checks = new Set([...CHARACTERS].map((c) => usccCheckCharacter(c + '1440300192203821')));
    expect(checks.size).toBe(31);
  });

  it.each(['9144030019220382', '914403001922038216', '9144030019220382I', '9144030071526726x'])(
    'refuses %j',
    (input) => {
      expect(() => usccCheckCharacter(input)).toThrow(RangeError);
    },
  );
});

describe(normalizeUscc.name, () => {
  it('trims and upper-cases', () => {
    expect(normalizeUscc(' 91330100716105852f\n')).toBe('91330100716105852F');
  });
});

describe(usccProblem.name, () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(usccProblem(' 9144030071526726xg ')).toBeNull();
  });

  it.each([
    [undefined, 'must be a string'],
    [914403001922038216, 'must be a string'],
    ['', 'must have 18 characters'],
    ['91440300192203821', 'must have 18 characters'],
    ['9144030019220382160', 'must have 18 characters'],
    ['9144030019220382I6', 'has an invalid character at position 17'],
    ['91440300192O038216', 'has an invalid character at position 12'],
    ['Z14403001922038216', 'has an invalid character at position 1'],
    ['9S4403001922038216', 'has an invalid character at position 2'],
    ['914403001922V38216', 'has an invalid character at position 13'],
    ['9144030019220-8216', 'has an invalid character at position 14'],
    [withCheck('B1440300192203821'), 'has an invalid registration authority code B: must be one of 1–9, A, N, Y'],
    [withCheck('01440300192203821'), 'has an invalid registration authority code 0: must be one of 1–9, A, N, Y'],
    [withCheck('91A40300192203821'), 'has an invalid administrative division code: characters 3–8 must be digits'],
    [withCheck('9144030Y192203821'), 'has an invalid administrative division code: characters 3–8 must be digits'],
    ['914403001922038217', 'has a wrong check character: expected 6'],
    ['91330100716105852E', 'has a wrong check character: expected F'],
  ])('explains what is wrong with %j', (value, reason) => {
    expect(usccProblem(value)).toContain(reason);
  });

  it('accepts any authority, type, division and organisation code with the computed check character, in either case', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(usccProblem(code)).toBeNull();
        expect(usccProblem(code.toLowerCase())).toBeNull();
      }),
    );
  });

  it('rejects a valid code with any one character changed', () => {
    const mutation = fc.tuple(validUscc, fc.nat({ max: 17 }), fc.constantFrom(...CHARACTERS));
    fc.assert(
      fc.property(
        mutation.filter(([code, at, replacement]) => code[at] !== replacement),
        ([code, at, replacement]) => {
          expect(usccProblem(code.slice(0, at) + replacement + code.slice(at + 1))).not.toBeNull();
        },
      ),
    );
  });
});

describe(IsUnifiedSocialCreditCode.name, () => {
  class Organisation {
    @IsUnifiedSocialCreditCode()
    creditCode!: unknown;
  }

  const errorsFor = (creditCode: unknown) =>
    validateSync(Object.assign(new Organisation(), { creditCode })).map((error) => error.constraints);

  it('passes a valid code', () => {
    expect(errorsFor(PUBLISHED[0])).toEqual([]);
  });

  it('names the property and the problem', () => {
    expect(errorsFor('914403001922038217')).toEqual([
      { isUnifiedSocialCreditCode: 'creditCode has a wrong check character: expected 6' },
    ]);
  });
});
