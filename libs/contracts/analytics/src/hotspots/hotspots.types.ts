import type { HotspotGrouping, TrendInterval } from './hotspots.dto';

/** One hot spot: the cases reported in the period of a category (by category) beneath a unit. */
export interface HotspotView {
  /** by category: the category; by grid: null (every category). */
  category: string | null;
  unit: string;
  unitName: string | null;
  reported: number;
}

export interface HotspotsView {
  unit: string;
  by: HotspotGrouping;
  from: string;
  to: string;
  total: number;
  /** Most cases first. */
  spots: HotspotView[];
}

/** A bucket of a trend: its first China day (a week: its Monday), the cases reported and closed in it. */
export interface TrendPoint {
  bucket: string;
  reported: number;
  closed: number;
}

export interface TrendSeries {
  category: string;
  points: TrendPoint[];
}

export interface TrendsView {
  unit: string;
  interval: TrendInterval;
  from: string;
  to: string;
  /** Every category together, zero-filled. */
  total: TrendPoint[];
  /** The category asked, or the top 5 reported in the period, each zero-filled. */
  series: TrendSeries[];
}
