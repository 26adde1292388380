import { Injectable } from '@nestjs/common';
import type { TimelineEntry } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { incidentNotFound } from '../../incident.errors';
import { mayView } from '../../incident-process';
import { IncidentRepository } from '../../incident.repository';
import { timelineCodes, toTimelineEntry } from '../../timeline-details';
import type { GetIncidentTimelineCommand } from './get-incident-timeline.command';

/** Each step of a case the caller may see, with what happened in it (owners named from the local copies). */
@Injectable()
export class GetIncidentTimelineUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, id }: GetIncidentTimelineCommand): Promise<TimelineEntry[]> {
    const incident = await this.incidents.findById(id);
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    const rows = await this.incidents.timeline(id);
    const names = await this.reference.names(timelineCodes(rows));
    return rows.map((row) => toTimelineEntry(row, names));
  }
}
