import { Injectable } from '@nestjs/common';
import { analyticsInvalid, HOTSPOT_GROUPINGS, type HotspotGrouping, type HotspotsView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { figuresPeriod } from '../../../figures/figures-period';
import { HotspotsRepository } from '../../hotspots.repository';
import { hotspotScope } from '../../hotspot-scope';
import type { GetHotspotsQuery } from './get-hotspots.query';

/** The cases reported in a period beneath a unit, by category × the unit directly beneath, or per grid; most first. */
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
    const period = figuresPeriod({ from: query.from, to: query.to });
    const scope = await hotspotScope(caller, query.unit, this.units, 'read the hot spots');
    const rows = await this.hotspots.hotspots(scope, by, period);
    const names = await this.reference.names({ units: [...new Set(rows.map((r) => r.unit))] });
    return {
      unit: scope.unit,
      by,
      from: period.from,
      to: period.to,
      total: rows.reduce((sum, r) => sum + r.reported, 0),
      spots: rows.map((r) => ({ category: r.category, unit: r.unit, unitName: names.unit(r.unit), reported: r.reported })),
    };
  }
}
