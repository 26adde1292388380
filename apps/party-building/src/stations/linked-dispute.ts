import { Injectable } from '@nestjs/common';
import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { IncidentErrorCode, IncidentsClient, isDisputeCategory } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyScope } from '../scope/party-scope';
import { linkedIncidentNotFound, stationRefused } from './station.errors';

/**
 * The dispute a mediation at a station was held for: incidents is asked as the service itself, and the case must
 * exist, be a dispute (a DISPUTE.* category) and lie in a grid the caller keeps on the map copy. A case that does
 * not exist and one out of scope are both "not found" (404 naming incidentId); a case that is no dispute is 422.
 */
@Injectable()
export class LinkedDispute {
  constructor(
    private readonly incidents: IncidentsClient,
    private readonly units: ReferenceRepository,
  ) {}

  async check(caller: Caller, incidentId: string): Promise<void> {
    const incident = await this.incidents.get(SYSTEM_CALLER, incidentId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === IncidentErrorCode.NotFound) return null;
      throw error;
    });
    const grid = incident ? await this.units.unit(incident.gridCode) : null;
    if (!incident || !grid || !PartyScope.keeps(caller, grid.path)) throw linkedIncidentNotFound(incidentId);
    if (!isDisputeCategory(incident.categoryCode)) throw stationRefused('incidentId', `is not a dispute (category ${incident.categoryCode})`);
  }
}
