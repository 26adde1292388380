import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { chinaDay } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, type AssignmentView } from '@gridline/contracts-registry';
import { unitNotFound } from '../../../unit/unit.errors';
import { assignmentProblem } from '../../assignment-rules';
import { assignmentInvalid, assignmentOverlaps, personNotFound } from '../../people.errors';
import { toAssignmentSnapshot, toAssignmentView } from '../../people.mapper';
import { assertMayAssignOn, assertMayAssignPerson } from '../../people-permissions';
import { PeopleRepository } from '../../people.repository';
import type { AssignPersonCommand } from './assign-person.command';

/** Gives a person a role on an active unit for a period, and announces it. */
@Injectable()
export class AssignPersonUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, unitCode, assignment: input }: AssignPersonCommand): Promise<AssignmentView> {
    const unit = await this.people.findUnit(unitCode);
    if (!unit) throw unitNotFound(unitCode);
    assertMayAssignOn(caller, unit);
    const today = chinaDay();
    const startsOn = input.startsOn ?? today;
    const endsOn = input.endsOn ?? null;
    const problem = assignmentProblem(unit, input.role, startsOn, endsOn);
    if (problem) throw assignmentInvalid(problem.field, problem.reason);

    return this.transactions.run(async () => {
      // Locking the person serialises their assignments, so that two overlapping ones cannot both pass the check.
      const person = await this.people.lockPerson(input.personId);
      if (!person) throw personNotFound(input.personId);
      assertMayAssignPerson(caller, person.id, await this.people.unitPathsOfPerson(person.id));
      const candidate = { personId: person.id, unitCode, role: input.role, startsOn, endsOn };
      const clash = await this.people.findOverlapping(candidate);
      if (clash) throw assignmentOverlaps(candidate, clash);
      const assignment = this.people.addAssignment({ ...candidate, workPhone: input.workPhone ?? null });
      this.outbox.record(REGISTRY_EVENTS.assignmentCreated, assignment.id, { assignment: toAssignmentSnapshot(assignment) });
      await this.people.flush();
      return toAssignmentView(assignment, person, today, (enc) => this.personalData.maskedPhone(enc));
    });
  }
}
