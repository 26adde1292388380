import { Injectable } from '@nestjs/common';
import { requirePublicCaller } from '@gridline/auth';
import type { PublicStationView } from '@gridline/contracts-party-building';
import { toPublicStationView } from '../../station.mapper';
import { StationRepository } from '../../station.repository';
import type { NearestStationsQuery } from './nearest-stations.query';

/** How many stations the lookup answers when the query does not say. */
export const NEAREST_STATIONS_DEFAULT = 3;

/**
 * The active red stations nearest to a point, for residents (有事到驿站): the public fields only. It answers the
 * public caller (PUBLIC_CALLER, signed by the gateway) and no one else — staff have the station routes, with scope.
 */
@Injectable()
export class NearestStationsUseCase {
  constructor(private readonly stations: StationRepository) {}

  async execute({ caller, query }: NearestStationsQuery): Promise<PublicStationView[]> {
    requirePublicCaller(caller, 'The nearest-station lookup');
    const nearest = await this.stations.nearest({ lat: query.lat, lng: query.lng }, query.limit ?? NEAREST_STATIONS_DEFAULT);
    return nearest.map(({ station, distance }) => toPublicStationView(station, distance));
  }
}
