import { periodEnd, periodStart } from './period-bounds';

describe('period bounds of a query', () => {
  it('starts a date-only period at the China-time midnight of that day', () => {
    expect(periodStart('2026-11-01').toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  it('ends a date-only period after that whole day in China time', () => {
    expect(periodEnd('2026-11-30').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(periodEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('takes a date-time as it is, at either end', () => {
    expect(periodStart('2026-11-01T08:00:00+08:00').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(periodEnd('2026-11-30T12:00:00Z').toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });
});
