import { Injectable } from '@nestjs/common';
import type { TrendPoint, TrendsView } from '@gridline/contracts-analytics';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { figuresPeriod } from '../../../figures/figures-period';
import { HotspotsRepository, type TrendRow } from '../../hotspots.repository';
import { hotspotScope } from '../../hotspot-scope';
import { trendBuckets, trendInterval, zeroFilled } from '../../trend-buckets';
import type { GetTrendsQuery } from './get-trends.query';

/** How many categories get a series of their own when none is asked. */
export const TREND_TOP_CATEGORIES = 5;

/** Sums the rows per bucket (over the categories). */
function perBucket(rows: TrendRow[]): TrendPoint[] {
  const sums = new Map<string, TrendPoint>();
  for (const r of rows) {
    const s = sums.get(r.bucket) ?? { bucket: r.bucket, reported: 0, closed: 0, appeals: 0 };
    s.reported += r.reported;
    s.closed += r.closed;
    s.appeals += r.appeals;
    sums.set(r.bucket, s);
  }
  return [...sums.values()];
}

/**
 * The cases reported and closed and the appeals received beneath a unit per China day or ISO week, zero-filled: in
 * total, and per category (the one asked, or the top 5 by cases reported and appeals received in the period, ties by
 * code; appeals not classified yet count in the total only).
 */
@Injectable()
export class GetTrendsUseCase {
  constructor(
    private readonly hotspots: HotspotsRepository,
    private readonly units: PartyFiguresRepository,
  ) {}

  async execute({ caller, query }: GetTrendsQuery): Promise<TrendsView> {
    const interval = trendInterval(query.interval);
    const period = figuresPeriod({ from: query.from, to: query.to });
    const scope = await hotspotScope(caller, query.unit, this.units, 'read the trends');
    const rows = await this.hotspots.trends(scope, interval, period, query.category);
    const buckets = trendBuckets(period.from, period.to, interval);
    const reported = new Map<string, number>();
    for (const r of rows) if (r.category !== null) reported.set(r.category, (reported.get(r.category) ?? 0) + r.reported + r.appeals);
    const categories = query.category
      ? [query.category]
      : [...reported.entries()].filter(([, n]) => n > 0).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, TREND_TOP_CATEGORIES).map(([c]) => c);
    return {
      unit: scope.unit,
      interval,
      from: period.from,
      to: period.to,
      total: zeroFilled(buckets, perBucket(rows)),
      series: categories.map((category) => ({ category, points: zeroFilled(buckets, perBucket(rows.filter((r) => r.category === category))) })),
    };
  }
}
