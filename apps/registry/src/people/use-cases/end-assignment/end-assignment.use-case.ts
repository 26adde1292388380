import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { chinaDay } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, type AssignmentView } from '@gridline/contracts-registry';
import { unitNotFound } from '../../../unit/unit.errors';
import { isCalendarDate } from '../../assignment-rules';
import { assignmentConflict, assignmentInvalid, assignmentNotFound, personNotFound } from '../../people.errors';
import { toAssignmentSnapshot, toAssignmentView } from '../../people.mapper';
import { assertKeepsPeople, assertMayEndAssignmentOn } from '../../people-permissions';
import { PeopleRepository } from '../../people.repository';
import type { EndAssignmentCommand } from './end-assignment.command';

/**
 * Ends an assignment: its last day becomes `endsOn` (today by default; it stays active through that day).
 * An assignment whose last day has already come is ended: ending it again is a conflict. A planned end
 * may be brought forward, never pushed back.
 */
@Injectable()
export class EndAssignmentUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, assignmentId, endsOn: requested }: EndAssignmentCommand): Promise<AssignmentView> {
    // The role before the look-up: a caller who may not end assignments learns nothing of which ids exist.
    assertKeepsPeople(caller, 'end assignments');
    const found = await this.people.findAssignment(assignmentId);
    if (!found) throw assignmentNotFound(assignmentId);
    const unit = await this.people.findUnit(found.unitCode);
    if (!unit) throw unitNotFound(found.unitCode);
    assertMayEndAssignmentOn(caller, assignmentId, unit);
    const person = await this.people.findPerson(found.personId);
    if (!person) throw personNotFound(found.personId);
    if (requested !== undefined && !isCalendarDate(requested)) throw assignmentInvalid('endsOn', `${requested} is not a calendar date`);

    const today = chinaDay();
    return this.transactions.run(async () => {
      const assignment = await this.people.lockAssignment(assignmentId);
      if (!assignment) throw assignmentNotFound(assignmentId);
      if (assignment.endsOn !== null && assignment.endsOn <= today) {
        throw assignmentConflict('already_ended', `Assignment ${assignmentId} already ended on ${assignment.endsOn}`, { assignmentId, endsOn: assignment.endsOn });
      }
      const endsOn = requested ?? today;
      if (endsOn < assignment.startsOn) throw assignmentInvalid('endsOn', `must not be before startsOn ${assignment.startsOn}`);
      if (assignment.endsOn !== null && endsOn >= assignment.endsOn) {
        throw assignmentInvalid('endsOn', `must be before the planned end ${assignment.endsOn}`);
      }
      assignment.endsOn = endsOn;
      this.outbox.record(REGISTRY_EVENTS.assignmentEnded, assignment.id, { assignment: toAssignmentSnapshot(assignment) });
      await this.people.flush();
      return toAssignmentView(assignment, person, today, (enc) => this.personalData.maskedPhone(enc));
    });
  }
}
