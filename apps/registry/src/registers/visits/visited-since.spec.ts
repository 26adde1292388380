import { VISITED_WITHIN_DAYS, visitedSince } from '../quality.repository';

describe(visitedSince.name, () => {
  it('opens a 90-day window that ends today in China', () => {
    expect(VISITED_WITHIN_DAYS).toBe(90);
    // 2026-11-28 00:30 in China: the window is 2026-08-31 … 2026-11-28, 90 days.
    expect(visitedSince(new Date('2026-11-27T16:30:00Z'))).toBe('2026-08-31');
    // Still 2026-11-27 in China.
    expect(visitedSince(new Date('2026-11-27T15:59:00Z'))).toBe('2026-08-30');
  });

  it('counts a one-day window as today alone', () => {
    expect(visitedSince(new Date('2026-03-01T04:00:00Z'), 1)).toBe('2026-03-01');
  });
});
