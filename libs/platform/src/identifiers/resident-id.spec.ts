import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsResidentIdNumber, normalizeResidentId, parseResidentId, residentIdCheckCharacter, residentIdProblem } from './resident-id';

// The worked example printed in GB 11643-1999 itself.
const STANDARD_EXAMPLE = '11010519491231002X';

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);

const yyyymmdd = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true })
  .map(yyyymmdd);
const validResidentId = fc
  .tuple(fc.stringMatching(/^[1-8]\d{5}$/), birthDate, fc.stringMatching(/^\d{3}$/))
  .map(([region, birth, sequence]) => withCheck(region + birth + sequence));
const CHARACTERS = '0123456789X';

describe(residentIdCheckCharacter.name, () => {
  it('computes the check character of the standard example', () => {
    expect(residentIdCheckCharacter(STANDARD_EXAMPLE.slice(0, 17))).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  // Zeros with the last digit weighing 2 (or the one before weighing 4) give each remainder of the weighted sum.
  it.each([
    ['00000000000000000', 0, '1'],
    ['00000000000000006', 1, '0'],
    ['00000000000000001', 2, 'X'],
    ['00000000000000007', 3, '9'],
    ['00000000000000002', 4, '8'],
    ['00000000000000008', 5, '7'],
    ['00000000000000003', 6, '6'],
    ['00000000000000009', 7, '5'],
    ['00000000000000004', 8, '4'],
    ['00000000000000050', 9, '3'],
    ['00000000000000005', 10, '2'],
  ])('maps %s (remainder %i) to %s', (first17, _remainder, check) => {
    expect(residentIdCheckCharacter(first17)).toBe(check);
  });

  it('satisfies MOD 11-2: the 18 characters weighted by 2^(17-i) sum to 1 modulo 11', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        const all = [...first17, residentIdCheckCharacter(first17)].map((c) => (c === 'X' ? 10 : Number(c)));
        const sum = all.reduce((acc, value, i) => acc + value * (2 ** (17 - i) % 11), 0);
        expect(sum % 11).toBe(1);
      }),
    );
  });

  it.each(['1234567890123456', '123456789012345678', '1101051949123100X', ''])('refuses %j', (input) => {
    expect(() => residentIdCheckCharacter(input)).toThrow(RangeError);
  });
});

describe(normalizeResidentId.name, () => {
  it('trims and upper-cases', () => {
    expect(normalizeResidentId('  11010519491231002x\t')).toBe(STANDARD_EXAMPLE);
  });
});

describe(residentIdProblem.name, () => {
  it('accepts the standard example, also with a lowercase x and surrounding spaces', () => {
    expect(residentIdProblem(STANDARD_EXAMPLE)).toBeNull();
    expect(residentIdProblem('11010519491231002x')).toBeNull();
    expect(residentIdProblem(' 11010519491231002X ')).toBeNull();
  });

  it('accepts 29 February in a leap year, including 2000', () => {
    expect(residentIdProblem(withCheck('11010520000229001'))).toBeNull();
    expect(residentIdProblem(withCheck('11010519960229001'))).toBeNull();
  });

  it.each([
    [undefined, 'must be a string'],
    [110105194912310020, 'must be a string'],
    ['', 'must have 18 characters'],
    ['11010519491231002', 'must have 18 characters'],
    ['11010519491231002X1', 'must have 18 characters'],
    ['110105 19491231002X', 'must have 18 characters'],
    ['1101051949123100XX', 'must be 17 digits followed by a digit or X'],
    ['11010519491231002Y', 'must be 17 digits followed by a digit or X'],
    ['11010519491231O02X', 'must be 17 digits followed by a digit or X'],
    [withCheck('01010519491231002'), 'has an invalid administrative division code: the first digit must be 1–8'],
    [withCheck('91010519491231002'), 'has an invalid administrative division code: the first digit must be 1–8'],
    [withCheck('11010519900230002'), 'has an invalid birth date 19900230'],
    [withCheck('11010519000229002'), 'has an invalid birth date 19000229'],
    [withCheck('11010519901301002'), 'has an invalid birth date 19901301'],
    [withCheck('11010519900000002'), 'has an invalid birth date 19900000'],
    [withCheck('11010519900431002'), 'has an invalid birth date 19900431'],
    [withCheck('11010518991231002'), 'has an invalid birth date 18991231 (before 1900-01-01)'],
    ['440524188001010014', 'has an invalid birth date 18800101 (before 1900-01-01)'],
    [withCheck('11010599991231002'), 'has an invalid birth date 99991231 (after today)'],
    ['110105194912310021', 'has a wrong check character: expected X'],
    ['110105194912310030', 'has a wrong check character: expected 8'],
  ])('explains what is wrong with %j', (value, reason) => {
    expect(residentIdProblem(value)).toBe(reason);
  });

  it('accepts any region 1xxxxx–8xxxxx, real birth date and sequence with the computed check character', () => {
    fc.assert(fc.property(validResidentId, (id) => expect(residentIdProblem(id)).toBeNull()));
  });

  it('rejects a valid number with any one character changed', () => {
    const mutation = fc.tuple(validResidentId, fc.nat({ max: 17 }), fc.constantFrom(...CHARACTERS));
    fc.assert(
      fc.property(
        mutation.filter(([id, at, replacement]) => id[at] !== replacement),
        ([id, at, replacement]) => {
          const changed = id.slice(0, at) + replacement + id.slice(at + 1);
          expect(residentIdProblem(changed)).not.toBeNull();
        },
      ),
    );
  });

  it('rejects a valid number with two different adjacent characters swapped', () => {
    const swap = fc.tuple(validResidentId, fc.nat({ max: 16 }));
    fc.assert(
      fc.property(
        swap.filter(([id, at]) => id[at] !== id[at + 1]),
        ([id, at]) => {
          const swapped = id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
          expect(residentIdProblem(swapped)).not.toBeNull();
        },
      ),
    );
  });

  it('never quotes the number, nor its first 17 characters, in a reason', () => {
    const nearlyValid = fc.oneof(
      fc.tuple(validResidentId, fc.nat({ max: 17 }), fc.constantFrom(...CHARACTERS)).map(
        ([id, at, replacement]) => id.slice(0, at) + replacement + id.slice(at + 1),
      ),
      fc.stringMatching(/^\d{17}[\dX]$/),
    );
    fc.assert(
      fc.property(nearlyValid, (id) => {
        const problem = residentIdProblem(id) ?? '';
        expect(problem).not.toContain(id.slice(0, 17));
        expect(problem).not.toContain(id.slice(6, 17)); // birth date and sequence together
      }),
    );
  });

  describe('birth date against today in China (UTC+8)', () => {
    afterEach(() => jest.useRealTimers());

    it('accepts a birth today in China while it is still yesterday in UTC', () => {
      jest.useFakeTimers({ now: new Date('2024-03-01T16:00:00Z') }); // 2024-03-02 00:00 in Beijing
      expect(residentIdProblem(withCheck('11010520240302001'))).toBeNull();
      expect(residentIdProblem(withCheck('11010520240303001'))).toBe('has an invalid birth date 20240303 (after today)');
    });

    it('rejects tomorrow in China', () => {
      jest.useFakeTimers({ now: new Date('2024-03-01T15:59:59Z') }); // 2024-03-01 23:59:59 in Beijing
      expect(residentIdProblem(withCheck('11010520240301001'))).toBeNull();
      expect(residentIdProblem(withCheck('11010520240302001'))).toBe('has an invalid birth date 20240302 (after today)');
    });
  });
});

describe(parseResidentId.name, () => {
  it('reads birth date, sex and region from the standard example', () => {
    expect(parseResidentId('11010519491231002x')).toEqual({ birthDate: '1949-12-31', sex: 'female', regionCode: '110105' });
  });

  it('reads an odd 17th digit as male', () => {
    expect(parseResidentId(withCheck('44030419850707123')).sex).toBe('male');
  });

  it('returns the parts any valid number was built from', () => {
    const parts = fc.tuple(fc.stringMatching(/^[1-8]\d{5}$/), birthDate, fc.stringMatching(/^\d{3}$/));
    fc.assert(
      fc.property(parts, ([region, birth, sequence]) => {
        const details = parseResidentId(withCheck(region + birth + sequence));
        expect(details).toEqual({
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
          sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
          regionCode: region,
        });
      }),
    );
  });

  it('throws a RangeError with the reason, without the number, for an invalid one', () => {
    const invalid = '110105194912310021';
    expect(() => parseResidentId(invalid)).toThrow(RangeError);
    expect(() => parseResidentId(invalid)).toThrow(/^resident ID number has a wrong check character: expected X$/);
  });
});

describe(IsResidentIdNumber.name, () => {
  class Person {
    @IsResidentIdNumber()
    idNumber!: unknown;
  }
  class PersonWithMessage {
    @IsResidentIdNumber({ message: 'idNumber is not a resident ID number' })
    idNumber!: unknown;
  }

  const errorsFor = (type: new () => { idNumber: unknown }, idNumber: unknown) =>
    validateSync(Object.assign(new type(), { idNumber })).map((error) => error.constraints);

  it('passes a valid number', () => {
    expect(errorsFor(Person, STANDARD_EXAMPLE)).toEqual([]);
  });

  it('names the property and the problem by default', () => {
    expect(errorsFor(Person, '110105194912310021')).toEqual([
      { isResidentIdNumber: 'idNumber has a wrong check character: expected X' },
    ]);
    expect(errorsFor(Person, 42)).toEqual([{ isResidentIdNumber: 'idNumber must be a string' }]);
  });

  it('takes a custom message', () => {
    expect(errorsFor(PersonWithMessage, '11010519491231002')).toEqual([
      { isResidentIdNumber: 'idNumber is not a resident ID number' },
    ]);
  });
});
