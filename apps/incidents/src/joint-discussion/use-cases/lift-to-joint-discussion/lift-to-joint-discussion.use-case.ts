import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { scopeCovers } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import type { JointDiscussionView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { incidentInvalid, incidentNotFound } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { assertNotInFuture } from '../../../visits/china-day';
import { DISCUSSABLE_STATUSES, mayLift, ownersOf } from '../../joint-discussion-rules';
import { notDiscussable, notLifter } from '../../joint-discussion.errors';
import { toJointDiscussionView } from '../../joint-discussion.mapper';
import { JointDiscussionRepository } from '../../joint-discussion.repository';
import type { LiftToJointDiscussionCommand } from './lift-to-joint-discussion.command';

/**
 * Records a "3+N" joint discussion of a hard case — participants, day, decision, owners — with the case, and
 * notes it on the case's timeline. The case's state does not change: the grid centre dispatches to the owners
 * decided through the usual dispatch action.
 */
@Injectable()
export class LiftToJointDiscussionUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
    private readonly registry: RegistryReference,
    private readonly discussions: JointDiscussionRepository,
    private readonly journal: IncidentJournal,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, incidentId, discussion: input }: LiftToJointDiscussionCommand): Promise<JointDiscussionView> {
    // Departments the local copy lacks are asked of the registry: before the transaction, never inside it (the
    // owners are checked in the transaction, in their turn).
    const activeDepartments = new Map<string, boolean>();
    for (const { departmentCode, unitCode } of input.owners) {
      if (departmentCode && !unitCode && !activeDepartments.has(departmentCode)) activeDepartments.set(departmentCode, await this.registry.isActiveDepartment(departmentCode));
    }
    return this.transactions.run(async () => {
      // Share-locked: the case's state cannot change before the discussion commits.
      const incident = await this.incidents.findByIdShareLocked(incidentId);
      if (!incident || !mayView(caller, incident)) throw incidentNotFound(incidentId);
      if (!DISCUSSABLE_STATUSES.includes(incident.status)) throw notDiscussable(incident.status, DISCUSSABLE_STATUSES);
      if (!mayLift(caller, incident)) throw notLifter();
      assertNotInFuture('date', input.date);
      const owners = ownersOf(input.owners);
      for (const [i, owner] of owners.entries()) {
        if (!('unitCode' in owner)) {
          if (!activeDepartments.get(owner.departmentCode)) throw incidentInvalid(`owners[${i}].departmentCode`, `${owner.departmentCode} is not an active department of the responsibility list`);
          continue;
        }
        // A unit outside the caller's scope is answered like an unknown one: the answer does not tell which exist.
        const unit = await this.reference.unit(owner.unitCode);
        if (!unit || !scopeCovers(caller, unit.path)) throw incidentInvalid(`owners[${i}]`, `${owner.unitCode} is not a known unit in your scope`);
      }

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
