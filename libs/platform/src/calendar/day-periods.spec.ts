import { isActiveOn, periodsOverlap } from './day-periods';

describe('day periods', () => {
  it('counts both ends of a period as active days', () => {
    const period = { startsOn: '2026-01-01', endsOn: '2026-01-31' };
    expect(['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01'].map((d) => isActiveOn(period, d))).toEqual([false, true, true, false]);
    expect(isActiveOn({ startsOn: '2026-01-01', endsOn: null }, '2099-01-01')).toBe(true);
  });

  it('finds overlaps of inclusive and open periods', () => {
    const jan = { startsOn: '2026-01-01', endsOn: '2026-01-31' };
    expect(periodsOverlap(jan, { startsOn: '2026-01-31', endsOn: null })).toBe(true);
    expect(periodsOverlap(jan, { startsOn: '2026-02-01', endsOn: null })).toBe(false);
    expect(periodsOverlap({ startsOn: '2025-01-01', endsOn: null }, jan)).toBe(true);
    expect(periodsOverlap({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, jan)).toBe(false);
  });
});
