import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsMainlandMobile, mobileProblem, normalizeMobile } from './mobile';

const REASON = 'must be a mainland mobile number of 11 digits starting 13–19';
const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);

/** Spreads separators (nothing, spaces, hyphens) between the characters of `text`. */
const withSeparators = (text: string) =>
  fc
    .array(fc.constantFrom('', '', ' ', '-', '  ', ' - '), { minLength: text.length + 1, maxLength: text.length + 1 })
    .map((separators) => separators[0] + [...text].map((c, i) => c + separators[i + 1]).join(''));

describe(normalizeMobile.name, () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['+86\u00a0138\u30000013\t8000', '13800138000'],
    // Not 11 digits after the prefix: left alone apart from the separators.
    ['+86 10 8888 9999', '+861088889999'],
    ['86138001380', '86138001380'],
    ['+852 6123 4567', '+85261234567'],
  ])('turns %j into %j', (input, normalized) => {
    expect(normalizeMobile(input)).toBe(normalized);
  });
});

describe(mobileProblem.name, () => {
  it.each(['13800138000', '19912345678', '+86 138 0013 8000', '0086-138-0013-8000', '8613800138000', ' 15012345678 '])(
    'accepts %j',
    (value) => {
      expect(mobileProblem(value)).toBeNull();
    },
  );

  it.each([
    ['12345678901', 'starts 12'],
    ['10086100861', 'starts 10'],
    ['23800138000', 'does not start with 1'],
    ['1380013800', 'has 10 digits'],
    ['138001380000', 'has 12 digits'],
    ['+8612345678901', 'starts 12 after +86'],
    ['+85261234567', 'is a Hong Kong number'],
    ['+86 10 8888 9999', 'is a Beijing landline'],
    ['010-88889999', 'is a landline with its area code'],
    ['1380013800O', 'has a letter O'],
    ['138.0013.8000', 'uses dots'],
    ['(138) 0013 8000', 'uses parentheses'],
    ['+0086 13800138000', 'has a plus before 0086'],
    ['', 'is empty'],
    [13800138000, 'is a number, not a string'],
    [null, 'is null'],
  ])('rejects %j: it %s', (value, _why) => {
    expect(mobileProblem(value)).toBe(REASON);
  });

  it('accepts any 1[3-9] mobile with or without a +86, 0086 or 86 prefix, spaces and hyphens anywhere', () => {
    const written = fc
      .tuple(fc.constantFrom('', '+86', '0086', '86'), mobile)
      .chain(([prefix, number]) => withSeparators(prefix + number).map((text) => ({ text, number })));
    fc.assert(
      fc.property(written, ({ text, number }) => {
        expect(mobileProblem(text)).toBeNull();
        expect(normalizeMobile(text)).toBe(number);
      }),
    );
  });

  it('rejects digit strings that are neither 11 digits nor a prefixed 11 digits', () => {
    const digits = fc
      .stringMatching(/^\d{1,20}$/)
      .filter((text) => text.length !== 11 && !/^(?:86|0086)\d{11}$/.test(text));
    fc.assert(fc.property(digits, (text) => expect(mobileProblem(text)).toBe(REASON)));
  });

  it('rejects 11 digits that do not start 13–19', () => {
    fc.assert(fc.property(fc.stringMatching(/^(?:[02-9]\d|1[0-2])\d{9}$/), (text) => expect(mobileProblem(text)).toBe(REASON)));
  });
});

describe(IsMainlandMobile.name, () => {
  class Contact {
    @IsMainlandMobile()
    phone!: unknown;
  }

  const errorsFor = (phone: unknown) => validateSync(Object.assign(new Contact(), { phone })).map((error) => error.constraints);

  it('passes a mobile number in any accepted spelling', () => {
    expect(errorsFor('+86 138-0013-8000')).toEqual([]);
  });

  it('names the property and the problem', () => {
    expect(errorsFor('010-88889999')).toEqual([{ isMainlandMobile: `phone ${REASON}` }]);
  });
});
