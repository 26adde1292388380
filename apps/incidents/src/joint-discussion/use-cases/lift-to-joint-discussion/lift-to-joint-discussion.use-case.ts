import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { JointDiscussionView } from '@gridline/contracts-incidents';
import { fieldPath } from '@gridline/platform';
import { IncidentJournal } from '../../../incident/incident-journal';
import { incidentNotFound } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { assertNotInFuture } from '../../../visits/china-day';
import { DISCUSSABLE_STATUSES, mayLift } from '../../joint-discussion-rules';
import { MeetingOwners, storedOwner, type OwnerFields } from '../../meeting-owners';
import { notDiscussable, notLifter } from '../../joint-discussion.errors';
import { toJointDiscussionView } from '../../joint-discussion.mapper';
import { JointDiscussionRepository } from '../../joint-discussion.repository';
import type { LiftToJointDiscussionCommand } from './lift-to-joint-discussion.command';

/** A case's discussion names `owners[i]`: its department as `owners[i].departmentCode`, a unit as the owner. */
const OWNER_FIELDS: OwnerFields = { owner: (i) => fieldPath('owners', i), department: (i) => fieldPath('owners', i, 'departmentCode'), unit: (i) => fieldPath('owners', i) };

/**
 * Records a "3+N" joint discussion of a hard case — participants, day, decision, owners — with the case, and
 * notes it on the case's timeline. The case's state does not change: the grid centre dispatches to the owners
 * decided through the usual dispatch action.
 */
@Injectable()
export class LiftToJointDiscussionUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly owners: MeetingOwners,
    private readonly discussions: JointDiscussionRepository,
    private readonly journal: IncidentJournal,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, incidentId, discussion: input }: LiftToJointDiscussionCommand): Promise<JointDiscussionView> {
    const activeDepartments = await this.owners.departments(input.owners);
    return this.transactions.run(async () => {
      // Share-locked: the case's state cannot change before the discussion commits.
      const incident = await this.incidents.findByIdShareLocked(incidentId);
      if (!incident || !mayView(caller, incident)) throw incidentNotFound(incidentId);
      if (!DISCUSSABLE_STATUSES.includes(incident.status)) throw notDiscussable(incident.status, DISCUSSABLE_STATUSES);
      if (!mayLift(caller, incident)) throw notLifter();
      assertNotInFuture('date', input.date);
      const owners = (await this.owners.check(caller, input.owners, activeDepartments, OWNER_FIELDS)).map(storedOwner);

      const entity = this.discussions.add({
        id: randomUUID(),
        incidentId,
        participants: [...new Set(input.participants)],
        date: input.date,
        decision: input.decision,
        owners,
        liftedBy: caller.sub,
      });
      this.journal.record(incident, {
        action: 'joint_discussion',
        actor: caller.sub,
        from: incident.status,
        comment: input.decision,
        details: { discussionId: entity.id, date: entity.date, participants: entity.participants, owners },
      });
      await this.discussions.save();
      return toJointDiscussionView(entity);
    });
  }
}
