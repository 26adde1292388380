import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { chinaDay } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, workPhoneProblem, type AssignmentView } from '@gridline/contracts-registry';
import { unitNotFound } from '../../../unit/unit.errors';

import { assignmentConflict, assignmentInvalid, assignmentNotFound, personNotFound } from '../../people.errors';
import { toAssignmentSnapshot, toAssignmentView } from '../../people.mapper';
import { assertKeepsPeople, assertMayEndAssignmentOn } from '../../people-permissions';
import { PeopleRepository } from '../../people.repository';
import type { UpdateAssignmentCommand } from './update-assignment.command';

/**
 * Changes what a grid centre may change on an assignment that has not ended: its published work phone (a new line
 * for the post, or none). The public grid lookup shows the change at once. Scope as for ending: an assignment on a
 * unit outside the caller's scope is answered like an unknown one.
 */
@Injectable()
export class UpdateAssignmentUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, assignmentId, changes }: UpdateAssignmentCommand): Promise<AssignmentView> {
    // The role before the look-up: a caller who may not keep people learns nothing of which ids exist.
    assertKeepsPeople(caller, 'change assignments');
    const found = await this.people.findAssignment(assignmentId);
    if (!found) throw assignmentNotFound(assignmentId);
    const unit = await this.people.findUnit(found.unitCode);
    if (!unit) throw unitNotFound(found.unitCode);
    assertMayEndAssignmentOn(caller, assignmentId, unit);
    if (changes.workPhone === undefined) throw assignmentInvalid('workPhone', 'is required: the new work phone of the post, or null to withdraw it');
    const problem = changes.workPhone === null ? null : workPhoneProblem(changes.workPhone);
    if (problem) throw assignmentInvalid('workPhone', problem);
    const person = await this.people.findPerson(found.personId);
    if (!person) throw personNotFound(found.personId);

    const today = chinaDay();
    return this.transactions.run(async () => {
      const assignment = await this.people.lockAssignment(assignmentId);
      if (!assignment) throw assignmentNotFound(assignmentId);
      // An ended post publishes nothing any more: its phone is history.
      if (assignment.endsOn !== null && assignment.endsOn < today) {
        throw assignmentConflict('already_ended', `Assignment ${assignmentId} ended on ${assignment.endsOn}`, { assignmentId, endsOn: assignment.endsOn });
      }
      const workPhone = changes.workPhone ?? null;
      if (assignment.workPhone !== workPhone) {
        assignment.workPhone = workPhone;
        this.outbox.record(REGISTRY_EVENTS.assignmentUpdated, assignment.id, { assignment: toAssignmentSnapshot(assignment), changed: ['workPhone'] });
        await this.people.flush();
      }
      return toAssignmentView(assignment, person, today, (enc) => this.personalData.maskedPhone(enc));
    });
  }
}
