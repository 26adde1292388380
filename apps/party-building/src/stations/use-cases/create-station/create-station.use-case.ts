import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import type { StationView } from '@gridline/contracts-party-building';
import { problemError } from '../../station.errors';
import { toStationView } from '../../station.mapper';
import { StationPlacement } from '../../station-placement';
import { StationRepository } from '../../station.repository';
import { openingHoursProblem, sortedOpeningHours } from '../../station-rules';
import type { CreateStationCommand } from './create-station.command';

/**
 * Opens a grid red station: the point is resolved to its grid through the registry (before the transaction), the
 * grid must be one the caller keeps, the organisation active, readable and bound to the grid or above it.
 */
@Injectable()
export class CreateStationUseCase {
  constructor(
    private readonly stations: StationRepository,
    private readonly placement: StationPlacement,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, station: input }: CreateStationCommand): Promise<StationView> {
    requireRole(caller, PARTY_KEEPERS, 'open red stations');
    const hours = openingHoursProblem(input.openingHours);
    if (hours) throw problemError(hours);
    const gridCode = await this.placement.gridAt(input.location);
    return this.transactions.run(async () => {
      const grid = await this.placement.keptGrid(caller, gridCode);
      const organisation = await this.placement.runningOrganisation(caller, input.organisationId, grid.path);
      const station = this.stations.add({
        id: randomUUID(),
        name: input.name,
        lat: input.location.lat,
        lng: input.location.lng,
        address: input.address ?? null,
        gridCode: grid.code,
        path: [...grid.path],
        organisationId: organisation.id,
        openingHours: sortedOpeningHours(input.openingHours),
        contactPost: input.contact?.post ?? null,
        contactWorkPhone: input.contact?.workPhone ?? null,
        functions: [...input.functions],
      });
      await this.stations.save();
      return toStationView(station, grid.name);
    });
  }
}
