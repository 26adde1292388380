import { cellToBoundary, cellToLatLng, isValidCell, latLngToCell } from 'h3-js';
import { HEX_RESOLUTIONS, type HexResolution } from '@gridline/contracts-analytics';

/** A spot's H3 cells at each resolution of `HEX_RESOLUTIONS` (the columns `h3r7`, `h3r8`, `h3r9`); all null without a spot. */
export interface HexCells {
  h3r7: string | null;
  h3r8: string | null;
  h3r9: string | null;
}

/** A cell as the map draws it: its id, its centre and its boundary as a GeoJSON polygon (`[lng, lat]`, closed ring). */
export interface HexCellShape {
  cell: string;
  lat: number;
  lng: number;
  boundary: { type: 'Polygon'; coordinates: [number, number][][] };
}

const NO_CELLS: HexCells = { h3r7: null, h3r8: null, h3r9: null };

/** A WGS 84 spot h3 can place: finite, latitude within ±90, longitude within ±180 (h3 wraps anything beyond). */
const isSpot = (lat: number | null | undefined, lng: number | null | undefined): boolean =>
  typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

/**
 * The H3 cells of a WGS 84 spot (as incidents stores a case's location; no other datum), at resolutions 7, 8 and 9.
 * No spot, or one outside the globe's ranges: every cell null, so that the case counts as unlocated.
 */
export function hexCells(lat: number | null | undefined, lng: number | null | undefined): HexCells {
  if (!isSpot(lat, lng)) return NO_CELLS;
  return { h3r7: latLngToCell(lat as number, lng as number, 7), h3r8: latLngToCell(lat as number, lng as number, 8), h3r9: latLngToCell(lat as number, lng as number, 9) };
}

/** The column of `HexCells` (and of the projections' tables) holding a resolution's cell. */
export function hexColumn(resolution: HexResolution): keyof HexCells & `h3r${HexResolution}` {
  if (!HEX_RESOLUTIONS.includes(resolution)) throw new Error(`H3 resolution ${resolution}`);
  return `h3r${resolution}`;
}

/** The shapes computed so far (a cell's shape never changes), the oldest forgotten past `SHAPES_KEPT`: a street's year of cells is a few thousand. */
const SHAPES = new Map<string, Readonly<HexCellShape>>();
const SHAPES_KEPT = 100_000;

/** A cell's centre and boundary for the map (shared and frozen: the same cell's every answer); throws on a string that is not an H3 cell. */
export function hexCellShape(cell: string): Readonly<HexCellShape> {
  const known = SHAPES.get(cell);
  if (known) return known;
  if (!isValidCell(cell)) throw new Error(`not an H3 cell: ${cell}`);
  const [lat, lng] = cellToLatLng(cell);
  const ring = cellToBoundary(cell, true) as [number, number][];
  const shape: Readonly<HexCellShape> = Object.freeze({ cell, lat, lng, boundary: Object.freeze({ type: 'Polygon' as const, coordinates: [ring] }) });
  if (SHAPES.size >= SHAPES_KEPT) SHAPES.delete(SHAPES.keys().next().value as string);
  SHAPES.set(cell, shape);
  return shape;
}
