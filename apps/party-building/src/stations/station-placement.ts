import { Injectable } from '@nestjs/common';
import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';
import { ReferenceRepository, RegistryReference, type ReferenceUnit } from '@gridline/registry-reference';
import { organisationNotFound } from '../organisations/organisation.errors';
import { OrganisationRepository } from '../organisations/organisation.repository';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { PartyScope } from '../scope/party-scope';
import { stationRefused } from './station.errors';

/**
 * Where a station stands: its point resolved to a grid through the registry (asked as the service itself, before
 * the transaction), that grid within the caller's scope on the map copy, and the organisation that runs it.
 */
@Injectable()
export class StationPlacement {
  constructor(
    private readonly registry: RegistryClient,
    private readonly reference: RegistryReference,
    private readonly units: ReferenceRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  /** The code of the grid at the point; a point in no grid is refused naming `location` (422). Outside the transaction. */
  async gridAt(point: { lat: number; lng: number }): Promise<string> {
    try {
      const { grid } = await this.registry.locate(SYSTEM_CALLER, { lat: point.lat, lng: point.lng });
      await this.reference.prefetch({ unit: [grid.code] });
      return grid.code;
    } catch (error) {
      if (error instanceof AppError && error.code === RegistryErrorCode.NoGridAtPoint) throw stationRefused('location', 'is in no grid of your scope');
      throw error;
    }
  }

  /**
   * The grid from the map copy, if the caller keeps it; otherwise refused naming `location` — the same answer as a
   * point in no grid, so nothing is told of grids outside the scope.
   */
  async keptGrid(caller: Caller, gridCode: string): Promise<ReferenceUnit> {
    const unit = await this.units.unit(gridCode);
    if (!unit || !PartyScope.keeps(caller, unit.path)) throw stationRefused('location', 'is in no grid of your scope');
    if (!unit.active) throw stationRefused('location', 'is in an inactive grid');
    return unit;
  }

  /** The organisation to run a station on this grid: active, readable by the caller, bound to the grid or above it. */
  async runningOrganisation(caller: Caller, organisationId: string, gridPath: readonly string[]): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation || !PartyScope.reads(caller, organisation.path)) throw organisationNotFound(organisationId);
    if (!organisation.active) throw stationRefused('organisationId', 'is a dissolved organisation');
    if (!gridPath.includes(organisation.unitCode)) throw stationRefused('organisationId', "must be bound to the station's grid or a unit above it");
    return organisation;
  }
}
