import { Injectable } from '@nestjs/common';
import { SYSTEM_CALLER } from '@gridline/auth';
import { Outbox } from '@gridline/messaging';
import { TransactionRunner } from '@gridline/persistence';
import { PARTY_REGISTRATION_SOURCE, REGISTRY_EVENTS, assignmentSource, type GridRole } from '@gridline/contracts-registry';
import { RegistrationsClient } from '@gridline/contracts-party-building';
import { unitNotFound } from '../../../unit/unit.errors';
import { assignmentProblem } from '../../assignment-rules';
import { assignmentInvalid, assignmentOverlaps } from '../../people.errors';
import { toAssignmentSnapshot } from '../../people.mapper';
import { PeopleRepository } from '../../people.repository';
import type { AssignRegisteredMemberCommand } from './assign-registered-member.command';

/** The source kind of the person a party member becomes in the registry (one person per member, reused). */
export const PARTY_MEMBER_SOURCE = 'party-building.member';

const ROLE: GridRole = 'in_service_party_member';

/**
 * Makes an approved in-service party member an `in_service_party_member` of the grid they serve, once: the
 * assignment is keyed by the registration (`source`), so a redelivered event changes nothing, and the member's
 * person is keyed by the member, so a later registration reuses it. The name is asked of party-building as the
 * registry itself (events carry none). A grid the registry refuses is a business error: the subscriber's `failed`
 * hook announces `assignment.refused`, never a retry.
 */
@Injectable()
export class AssignRegisteredMemberUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly registrations: RegistrationsClient,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ registration }: AssignRegisteredMemberCommand): Promise<void> {
    const source = assignmentSource(PARTY_REGISTRATION_SOURCE, registration.registrationId);
    await this.transactions.run(async () => {
      if (await this.people.lockAssignmentBySource(source)) return;
      const unit = await this.people.findUnit(registration.gridCode);
      if (!unit) throw unitNotFound(registration.gridCode);
      const problem = assignmentProblem(unit, ROLE, registration.startsOn, registration.endsOn);
      if (problem) throw assignmentInvalid(problem.field, problem.reason);
      const member = await this.registrations.handoff(SYSTEM_CALLER, registration.registrationId);
      const memberSource = assignmentSource(PARTY_MEMBER_SOURCE, member.memberId);
      const person = (await this.people.lockPersonBySource(memberSource)) ?? this.people.addPerson({ name: member.memberName, source: memberSource });
      // The member's name as party-building now has it (a corrected name follows to the registry on the next hand-off).
      person.name = member.memberName;
      // The person first: the assignment's person_id is a plain column, so the unit of work does not order the inserts.
      await this.people.flush();
      const candidate = { personId: person.id, unitCode: unit.code, role: ROLE, startsOn: registration.startsOn, endsOn: registration.endsOn };
      const clash = await this.people.findOverlapping(candidate);
      if (clash) throw assignmentOverlaps(candidate, clash);
      const assignment = this.people.addAssignment({ ...candidate, source });
      this.outbox.record(REGISTRY_EVENTS.assignmentCreated, assignment.id, { assignment: toAssignmentSnapshot(assignment) });
      await this.people.flush();
    });
  }
}
