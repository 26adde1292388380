import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { StationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { stationNotFound } from '../../station.errors';
import { toStationView } from '../../station.mapper';
import { StationRepository } from '../../station.repository';
import type { GetStationQuery } from './get-station.query';

/** One station in the caller's scope. */
@Injectable()
export class GetStationUseCase {
  constructor(
    private readonly stations: StationRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, id }: GetStationQuery): Promise<StationView> {
    requireRole(caller, PARTY_READERS, 'read red stations');
    const station = await this.stations.findById(id);
    if (!station || !PartyScope.reads(caller, station.path)) throw stationNotFound(id);
    return toStationView(station, (await this.units.unit(station.gridCode))?.name ?? null);
  }
}
