import fc from 'fast-check';
import { chinaDay, chinaMidnight, chinaWallClock, cstYear } from './china-time';

describe('China time', () => {
  it('reads the day and year at UTC+8, whatever the server zone', () => {
    expect(chinaDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(cstYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(chinaWallClock(new Date('2026-12-01T02:15:00Z')).toISOString()).toBe('2026-12-01T10:15:00.000Z');
  });

  it('starts a day at its midnight in China', () => {
    expect(chinaMidnight('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('puts every instant of a China day in that day, from its midnight to the next', () => {
    const instants = fc.date({ min: new Date('1991-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, (at) => {
        const start = chinaMidnight(chinaDay(at)).getTime();
        return start <= at.getTime() && at.getTime() < start + 86_400_000 && cstYear(at) === Number(chinaDay(at).slice(0, 4));
      }),
    );
  });
});
