import fc from 'fast-check';
import { histogramPercentile } from './figures.repository';
import { hoursBucketBounds } from '../projection/rollups';

/** The bucket of an hours value as `HOURS_BUCKET_SQL` computes it. */
const bucketOf = (h: number) => (h < 100 ? Math.floor(h * 2) : h < 1000 ? 200 + Math.floor((h - 100) / 5) : 380);

/** percentile_cont: linear between the values around rank p·(n−1) of the sorted values. */
function exact(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  return sorted[lower] + (rank - lower) * (sorted[Math.ceil(rank)] - sorted[lower]);
}

function histogram(values: number[]): { bucket: number; n: number }[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
  return [...counts].map(([bucket, n]) => ({ bucket, n }));
}

describe('the p90 of handling hours from their histogram', () => {
  it('puts every value inside its bucket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }).map((c) => c / 100), (h) => {
        const { low, high } = hoursBucketBounds(bucketOf(h));
        expect(h >= low && h < high).toBe(true);
      }),
    );
    expect(hoursBucketBounds(bucketOf(1234))).toEqual({ low: 1000, high: 1000 });
  });

  it('is within one bucket of percentile_cont (half an hour below 100 h, five hours below 1 000 h)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99_999 }).map((c) => c / 100), { minLength: 1, maxLength: 300 }), (values) => {
        const got = histogramPercentile(histogram(values), 0.9, hoursBucketBounds)!;
        const want = exact(values, 0.9);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(want < 99.5 ? 0.5 : 5);
      }),
    );
  });

  it('is null without values and the value itself for one', () => {
    expect(histogramPercentile([], 0.9, hoursBucketBounds)).toBeNull();
    expect(histogramPercentile([{ bucket: 7, n: 1 }], 0.9, hoursBucketBounds)).toBe(3.75);
  });
});
