/** The mean Earth radius the distances use, in metres. */
export const EARTH_RADIUS_M = 6_371_000;

/**
 * SQL for the great-circle (haversine) distance in metres from a point to the row's `latColumn`/`lngColumn`
 * (degrees, WGS 84): `sql` with three `?` placeholders, filled by `params`. Plain SQL (no PostGIS).
 */
export function greatCircleMetresSql(latColumn: string, lngColumn: string, point: { lat: number; lng: number }): { sql: string; params: number[] } {
  return {
    sql: `2 * ${EARTH_RADIUS_M} * asin(sqrt(power(sin(radians(${latColumn} - ?) / 2), 2) + cos(radians(?)) * cos(radians(${latColumn})) * power(sin(radians(${lngColumn} - ?) / 2), 2)))`,
    params: [point.lat, point.lat, point.lng],
  };
}

/** A box around a point that holds every point within `radiusMetres` of it: a cheap first filter before the distance. */
export function boundingBox(point: { lat: number; lng: number }, radiusMetres: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = radiusMetres / 111_320;
  const dLng = radiusMetres / (111_320 * Math.max(Math.cos((point.lat * Math.PI) / 180), 0.01));
  return { minLat: point.lat - dLat, maxLat: point.lat + dLat, minLng: point.lng - dLng, maxLng: point.lng + dLng };
}

/** The great-circle (haversine) distance in metres between two points (degrees, WGS 84): the same formula as the SQL above. */
export function greatCircleMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, h)));
}
