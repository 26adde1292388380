import fc from 'fast-check';
import { fromHalfHours, serviceHoursProblem, toHalfHours } from './service-hours';

describe(serviceHoursProblem.name, () => {
  it('takes half-hour steps from 0.5 to 24', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 48 }), (halves) => serviceHoursProblem(halves / 2) === null && toHalfHours(halves / 2) === halves));
  });

  it('refuses what is not a half-hour step, naming why', () => {
    expect(serviceHoursProblem(0.3)).toBe('must be in steps of 0.5 hours');
    expect(serviceHoursProblem(1.25)).toBe('must be in steps of 0.5 hours');
    expect(serviceHoursProblem(0)).toBe('must be more than 0');
    expect(serviceHoursProblem(-1)).toBe('must be more than 0');
    expect(serviceHoursProblem(24.5)).toBe('must be at most 24');
    expect(serviceHoursProblem('2')).toBe('must be a number of hours');
    expect(serviceHoursProblem(Number.NaN)).toBe('must be a number of hours');
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 24, noNaN: true }).filter((h) => !Number.isInteger(h * 2)), (h) => serviceHoursProblem(h) === 'must be in steps of 0.5 hours'),
    );
  });

  it('sums half-hours exactly where floats would drift', () => {
    // 0.1 + 0.2 style drift cannot happen: sums are of integers, turned into hours once.
    const halves = Array.from({ length: 1000 }, () => toHalfHours(0.5));
    expect(fromHalfHours(halves.reduce((a, b) => a + b, 0))).toBe(500);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 48 }), { maxLength: 200 }), (xs) => fromHalfHours(xs.reduce((a, b) => a + b, 0)) * 2 === xs.reduce((a, b) => a + b, 0)));
  });
});
