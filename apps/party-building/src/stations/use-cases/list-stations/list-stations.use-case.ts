import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { StationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toStationView } from '../../station.mapper';
import { StationRepository } from '../../station.repository';
import type { ListStationsQuery } from './list-stations.query';

/** Stations in the caller's scope, by unit, function and active. */
@Injectable()
export class ListStationsUseCase {
  constructor(
    private readonly stations: StationRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListStationsQuery): Promise<OffsetPage<StationView>> {
    requireRole(caller, PARTY_READERS, 'read red stations');
    const page = await this.stations.page(PartyScope.units(caller), query);
    const units = await this.units.find({ unit: page.items.map((s) => s.gridCode) });
    return { ...page, items: page.items.map((s) => toStationView(s, units.get('unit', s.gridCode)?.name ?? null)) };
  }
}
