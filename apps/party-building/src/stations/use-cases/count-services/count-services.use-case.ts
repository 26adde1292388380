import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { partyInvalid, type StationServiceCountsView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { StationRepository } from '../../station.repository';
import type { CountServicesQuery } from './count-services.query';

/** Records and people served per function, over the caller's scope (and a station, unit, period). */
@Injectable()
export class CountServicesUseCase {
  constructor(private readonly stations: StationRepository) {}

  execute({ caller, query }: CountServicesQuery): Promise<StationServiceCountsView> {
    requireRole(caller, PARTY_READERS, 'read red station figures');
    if (query.from && query.to && query.from > query.to) throw partyInvalid('to', 'must not be before from');
    return this.stations.counts(PartyScope.units(caller), query);
  }
}
