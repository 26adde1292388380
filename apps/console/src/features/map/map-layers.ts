import L from 'leaflet';
import type { CaseView, UnitView } from '@/shared/api/types';
import type { StationView } from '@/features/party/party.api';

/** GET /analytics/hotspots?by=hex: the H3 cells with their outline and counts (the part the map draws). */
export interface HexHotspots {
  by: 'hex';
  from: string;
  to: string;
  cells: { cell: string; lat: number; lng: number; boundary: GeoJSON.Polygon; reported: number; appeals: number }[];
}

/** A case's marker colour by its state: new red, on its way orange/blue, awaiting verification green. */
const STATE_COLOUR: Record<string, string> = { reported: '#f56c6c', accepted: '#e6a23c', dispatched: '#409eff', in_progress: '#409eff', handled: '#67c23a' };
/** The ring of a carded case: the card's colour. */
const CARD_RING: Record<string, string> = { warning: '#909399', yellow: '#e6a23c', red: '#c45656' };

/**
 * The open cases with a point, one circle each: filled by state, ringed by the supervision card, classed
 * `case-marker case-<state> card-<card>` (tests and styles find them), named by a tooltip, opened by a click.
 */
export function caseLayer(cases: readonly CaseView[], name: (c: CaseView) => string, open: (c: CaseView) => void): L.LayerGroup {
  const group = L.layerGroup();
  for (const c of cases) {
    if (!c.location) continue;
    const card = c.supervision.card;
    const marker = L.circleMarker([c.location.lat, c.location.lng], {
      radius: 7,
      color: CARD_RING[card] ?? '#ffffff',
      weight: card === 'none' ? 1 : 3,
      fillColor: STATE_COLOUR[c.status] ?? '#909399',
      fillOpacity: 0.9,
      className: `case-marker case-${c.status} card-${card} case-${c.id}`,
    });
    marker.bindTooltip(name(c));
    marker.on('click', () => open(c));
    marker.addTo(group);
  }
  return group;
}

/** The hot spots' H3 cells, shaded by their cases and appeals against the busiest cell's; classed `hotspot-cell`. */
export function hotspotLayer(hotspots: HexHotspots, name: (cell: HexHotspots['cells'][number]) => string): L.LayerGroup {
  const group = L.layerGroup();
  const most = Math.max(1, ...hotspots.cells.map((c) => c.reported + c.appeals));
  for (const cell of hotspots.cells) {
    const share = (cell.reported + cell.appeals) / most;
    const layer = L.geoJSON({ type: 'Feature', properties: { cell: cell.cell }, geometry: cell.boundary } as GeoJSON.Feature, {
      style: { color: '#c45656', weight: 1, fillColor: '#f56c6c', fillOpacity: 0.15 + 0.55 * share, className: `hotspot-cell hotspot-${cell.cell}` },
    });
    layer.bindTooltip(name(cell));
    layer.addTo(group);
  }
  return group;
}

/** The red stations (党群服务驿站), a red square each with its name; classed `station-marker`. */
export function stationLayer(stations: readonly StationView[]): L.LayerGroup {
  const group = L.layerGroup();
  for (const station of stations) {
    const marker = L.circleMarker([station.location.lat, station.location.lng], { radius: 6, color: '#a8071a', weight: 2, fillColor: '#ff4d4f', fillOpacity: 1, className: `station-marker station-${station.id}` });
    marker.bindTooltip(`${station.name}${station.address ? ` · ${station.address}` : ''}`);
    marker.addTo(group);
  }
  return group;
}

/** The units matched by a search: the code's beginning, or a part of the name; grids first, at most `max`. */
export function matchUnits(units: readonly UnitView[], text: string, max = 10): UnitView[] {
  const q = text.trim();
  if (!q) return [];
  const rank = (u: UnitView) => (u.level === 'grid' || u.level === 'exclusive_grid' ? 0 : 1);
  return units
    .filter((u) => u.active && (u.code.startsWith(q) || u.name.includes(q)))
    .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code))
    .slice(0, max);
}
