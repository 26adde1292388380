import { Injectable } from '@nestjs/common';
import type { IncidentView } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { incidentNotFound } from '../../incident.errors';
import { codesOf, toIncidentView } from '../../incident.mapper';
import { mayView } from '../../incident-process';
import { IncidentRepository } from '../../incident.repository';
import type { GetIncidentCommand } from './get-incident.command';

/** One case as the caller may see it, with its next actions (404 for a case the caller may not see). */
@Injectable()
export class GetIncidentUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, id }: GetIncidentCommand): Promise<IncidentView> {
    const incident = await this.incidents.findById(id);
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    return toIncidentView(incident, caller, await this.reference.names(codesOf([incident])));
  }
}
