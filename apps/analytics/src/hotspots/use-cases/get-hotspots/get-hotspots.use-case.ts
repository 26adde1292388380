import { Injectable } from '@nestjs/common';
import { analyticsInvalid, HEX_RESOLUTIONS, HOTSPOT_GROUPINGS, type HexResolution, type HotspotGrouping, type HotspotsView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { figuresPeriod } from '../../../figures/figures-period';
import { HotspotsRepository } from '../../hotspots.repository';
import { hotspotScope } from '../../hotspot-scope';
import { hexHotspotCells } from '../../hex-hotspots';
import type { GetHotspotsQuery } from './get-hotspots.query';

/** The H3 resolution of `by=hex` when none is asked: cells of about 0.7 km², a few per grid. */
const DEFAULT_RESOLUTION: HexResolution = 8;

/**
 * The cases reported and the appeals received in a period beneath a unit (of one category, if asked), by category ×
 * the unit directly beneath, per grid, or per H3 cell of their location; most first.
 */
@Injectable()
export class GetHotspotsUseCase {
  constructor(
    private readonly hotspots: HotspotsRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: GetHotspotsQuery): Promise<HotspotsView> {
    const by: HotspotGrouping = query.by ?? 'category';
    if (!HOTSPOT_GROUPINGS.includes(by)) throw analyticsInvalid('by', `must be one of ${HOTSPOT_GROUPINGS.join(', ')}`);
    if (query.resolution !== undefined && by !== 'hex') throw analyticsInvalid('resolution', 'applies only to by=hex');
    const resolution = query.resolution ?? DEFAULT_RESOLUTION;
    if (!HEX_RESOLUTIONS.includes(resolution)) throw analyticsInvalid('resolution', `must be one of ${HEX_RESOLUTIONS.join(', ')}`);
    const period = figuresPeriod({ from: query.from, to: query.to });
    const scope = await hotspotScope(caller, query.unit, this.units, 'read the hot spots');
    const category = query.category ?? null;
    const head = { unit: scope.unit, category, from: period.from, to: period.to };
    if (by === 'hex') {
      const counts = await this.hotspots.hexHotspots(scope, resolution, period, query.category);
      const { cells, unlocated, unlocatedAppeals } = hexHotspotCells(counts);
      return {
        ...head,
        by,
        resolution,
        total: counts.reduce((sum, c) => sum + c.reported, 0),
        unlocated,
        appeals: counts.reduce((sum, c) => sum + c.appeals, 0),
        unlocatedAppeals,
        cells,
      };
    }
    const rows = await this.hotspots.hotspots(scope, by, period, query.category);
    const names = await this.reference.names({ units: [...new Set(rows.map((r) => r.unit))] });
    return {
      ...head,
      by,
      total: rows.reduce((sum, r) => sum + r.reported, 0),
      appeals: rows.reduce((sum, r) => sum + r.appeals, 0),
      spots: rows.map((r) => ({ category: r.category, unit: r.unit, unitName: names.unit(r.unit), reported: r.reported, appeals: r.appeals })),
    };
  }
}
