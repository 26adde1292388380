import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { mapItems, type OffsetPage } from '@gridline/platform';
import { partyInvalid, type StationServiceView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toStationServiceView } from '../../station.mapper';
import { StationRepository } from '../../station.repository';
import type { ListServicesQuery } from './list-services.query';

/** Service records in the caller's scope, by station, unit, function and period, newest day first. */
@Injectable()
export class ListServicesUseCase {
  constructor(private readonly stations: StationRepository) {}

  async execute({ caller, query }: ListServicesQuery): Promise<OffsetPage<StationServiceView>> {
    requireRole(caller, PARTY_READERS, 'read red station services');
    if (query.from && query.to && query.from > query.to) throw partyInvalid('to', 'must not be before from');
    return mapItems(await this.stations.pageRecords(PartyScope.units(caller), query), toStationServiceView);
  }
}
