import { Injectable } from '@nestjs/common';
import type { JointDiscussionView } from '@gridline/contracts-incidents';
import { incidentNotFound } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { toJointDiscussionView } from '../../joint-discussion.mapper';
import { JointDiscussionRepository } from '../../joint-discussion.repository';
import type { ReadJointDiscussionsCommand } from './read-joint-discussions.command';

/** The joint discussions a case had, oldest first, for whoever may see the case. */
@Injectable()
export class ReadJointDiscussionsUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly discussions: JointDiscussionRepository,
  ) {}

  async execute({ caller, id }: ReadJointDiscussionsCommand): Promise<JointDiscussionView[]> {
    const incident = await this.incidents.findById(id);
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    const discussions = await this.discussions.ofIncident(id);
    return discussions.map(toJointDiscussionView);
  }
}
