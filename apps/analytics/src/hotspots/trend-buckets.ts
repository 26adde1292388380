import { analyticsInvalid, TREND_INTERVALS, type TrendInterval, type TrendPoint } from '@gridline/contracts-analytics';

const DAY_MS = 86_400_000;
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday of a China day's ISO week. */
export function weekOf(day: string): string {
  const d = utc(day);
  return iso(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS));
}

/** The interval asked (default day); anything else names the field. */
export function trendInterval(interval: string | undefined): TrendInterval {
  if (interval === undefined) return 'day';
  if (!(TREND_INTERVALS as readonly string[]).includes(interval)) throw analyticsInvalid('interval', `must be one of ${TREND_INTERVALS.join(', ')}`);
  return interval as TrendInterval;
}

/** Every bucket of `from`–`to` (China days, inclusive) in order: each day, or the Monday of each week touched. */
export function trendBuckets(from: string, to: string, interval: TrendInterval): string[] {
  const step = interval === 'day' ? DAY_MS : 7 * DAY_MS;
  const first = interval === 'day' ? from : weekOf(from);
  const buckets: string[] = [];
  for (let t = utc(first).getTime(); t <= utc(to).getTime(); t += step) buckets.push(iso(new Date(t)));
  return buckets;
}

/** The counts per bucket laid on every bucket: a bucket without cases or appeals is zero. */
export function zeroFilled(buckets: string[], counts: TrendPoint[]): TrendPoint[] {
  const byBucket = new Map(counts.map((c) => [c.bucket, c]));
  return buckets.map((bucket) => ({ bucket, reported: byBucket.get(bucket)?.reported ?? 0, closed: byBucket.get(bucket)?.closed ?? 0, appeals: byBucket.get(bucket)?.appeals ?? 0 }));
}
