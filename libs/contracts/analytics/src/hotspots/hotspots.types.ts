import type { HexResolution, HotspotGrouping, TrendInterval } from './hotspots.dto';

/** One hot spot: the cases reported and the 12345 appeals received in the period of a category (by category) beneath a unit. */
export interface HotspotView {
  /** by category: the category (null: appeals not classified yet); by grid: null (every category). */
  category: string | null;
  unit: string;
  unitName: string | null;
  /** Grid cases reported. */
  reported: number;
  /** 12345 appeals received (by the time the call was taken). */
  appeals: number;
}

/** Hot spots by category × unit, or per grid. */
export interface UnitHotspotsView {
  unit: string;
  by: Exclude<HotspotGrouping, 'hex'>;
  /** The category asked (null: every category). */
  category: string | null;
  from: string;
  to: string;
  /** The spots' cases reported. */
  total: number;
  /** The spots' appeals received. */
  appeals: number;
  /** Most cases and appeals together first. */
  spots: HotspotView[];
}

/** One H3 cell of `by=hex`: where it is on the map (GeoJSON, `[lng, lat]`) and the cases reported and appeals received in it. */
export interface HexHotspotView {
  cell: string;
  /** The cell's centre (WGS 84). */
  lat: number;
  lng: number;
  /** The cell's outline: a GeoJSON polygon, one closed ring of `[lng, lat]` (Leaflet: `L.geoJSON`). */
  boundary: { type: 'Polygon'; coordinates: [number, number][][] };
  reported: number;
  appeals: number;
  /** The cases and appeals of the cell per category (null: appeals not classified yet), most first (ties by code). */
  categories: { category: string | null; reported: number; appeals: number }[];
}

/** Hot spots per H3 cell of the cases' and appeals' locations. */
export interface HexHotspotsView {
  unit: string;
  by: 'hex';
  resolution: HexResolution;
  category: string | null;
  from: string;
  to: string;
  /** Every case reported in the period beneath the unit: the cells' sum plus `unlocated`. */
  total: number;
  /** Cases without a location (reported without one, or folded before incidents sent it): in no cell. */
  unlocated: number;
  /** Every appeal received in the period beneath the unit: the cells' sum plus `unlocatedAppeals`. */
  appeals: number;
  /** Appeals without a point: in no cell. */
  unlocatedAppeals: number;
  /** Most cases and appeals together first (ties by cell id). */
  cells: HexHotspotView[];
}

export type HotspotsView = UnitHotspotsView | HexHotspotsView;

/** A bucket of a trend: its first China day (a week: its Monday), the cases reported and closed and the appeals received in it. */
export interface TrendPoint {
  bucket: string;
  reported: number;
  closed: number;
  appeals: number;
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
  /** The category asked, or the top 5 by cases reported and appeals received in the period, each zero-filled. */
  series: TrendSeries[];
}
