import { AppError } from '@gridline/platform';
import { trendBuckets, trendInterval, weekOf, zeroFilled } from './trend-buckets';

describe('trend buckets', () => {
  it('buckets by day, both ends inclusive', () => {
    expect(trendBuckets('2026-11-29', '2026-12-02', 'day')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(trendBuckets('2026-11-02', '2026-11-02', 'day')).toEqual(['2026-11-02']);
  });

  it('buckets by ISO week from the Monday of the first day’s week', () => {
    expect(weekOf('2026-11-01')).toBe('2026-10-26'); // a Sunday belongs to the week before
    expect(weekOf('2026-11-02')).toBe('2026-11-02');
    expect(trendBuckets('2026-11-01', '2026-11-16', 'week')).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('zero-fills the buckets without cases or appeals', () => {
    expect(zeroFilled(['2026-11-01', '2026-11-02', '2026-11-03'], [{ bucket: '2026-11-02', reported: 2, closed: 1, appeals: 0 }, { bucket: '2026-11-03', reported: 0, closed: 0, appeals: 4 }])).toEqual([
      { bucket: '2026-11-01', reported: 0, closed: 0, appeals: 0 },
      { bucket: '2026-11-02', reported: 2, closed: 1, appeals: 0 },
      { bucket: '2026-11-03', reported: 0, closed: 0, appeals: 4 },
    ]);
  });

  it('names the interval when it is not day or week', () => {
    expect(trendInterval(undefined)).toBe('day');
    expect(() => trendInterval('month')).toThrow(AppError);
    expect(() => trendInterval('month')).toThrow(/interval/);
  });
});
