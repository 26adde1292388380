import fc from 'fast-check';
import { IsIn, validateSync } from 'class-validator';
import { IsOneOf } from './is-one-of';

const COLOURS = ['red', 'yellow', 'green'] as const;

class Light {
  @IsOneOf(COLOURS)
  colour!: unknown;
}

class LightByIsIn {
  @IsIn([...COLOURS])
  colour!: unknown;
}

class Lights {
  @IsOneOf(COLOURS, { each: true, message: 'colours must be red, yellow or green' })
  colours!: unknown;
}

const errors = (value: unknown) => validateSync(Object.assign(new Light(), { colour: value }));

describe(IsOneOf.name, () => {
  it.each(COLOURS)('takes %p', (colour) => expect(errors(colour)).toEqual([]));

  it('refuses anything else with the constraint and message of @IsIn', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), (value) => {
        fc.pre(!(COLOURS as readonly unknown[]).includes(value));
        const ours = errors(value);
        const theirs = validateSync(Object.assign(new LightByIsIn(), { colour: value }));
        return ours.length === 1 && JSON.stringify(ours[0].constraints) === JSON.stringify(theirs[0].constraints);
      }),
    );
  });

  it('passes options through (each, message)', () => {
    expect(validateSync(Object.assign(new Lights(), { colours: ['red', 'green'] }))).toEqual([]);
    expect(validateSync(Object.assign(new Lights(), { colours: ['red', 'blue'] }))[0].constraints).toEqual({ isIn: 'colours must be red, yellow or green' });
  });
});
