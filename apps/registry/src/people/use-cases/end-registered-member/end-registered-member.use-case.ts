import { Injectable } from '@nestjs/common';
import { Outbox } from '@gridline/messaging';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { PARTY_REGISTRATION_SOURCE, REGISTRY_EVENTS, assignmentSource } from '@gridline/contracts-registry';
import { toAssignmentSnapshot } from '../../people.mapper';
import { PeopleRepository } from '../../people.repository';
import type { EndRegisteredMemberCommand } from './end-registered-member.command';

/**
 * Ends the assignment an ended registration made: its last day becomes the registration's (today if it has none),
 * never before the assignment's first day. No assignment (never approved, or refused), or one already over by then:
 * nothing to do — so a redelivery changes nothing either.
 */
@Injectable()
export class EndRegisteredMemberUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ registration }: EndRegisteredMemberCommand): Promise<void> {
    await this.transactions.run(async () => {
      const assignment = await this.people.lockAssignmentBySource(assignmentSource(PARTY_REGISTRATION_SOURCE, registration.registrationId));
      if (!assignment) return;
      const last = registration.endsOn ?? chinaDay();
      if (assignment.endsOn !== null && assignment.endsOn <= last) return;
      assignment.endsOn = last < assignment.startsOn ? assignment.startsOn : last;
      this.outbox.record(REGISTRY_EVENTS.assignmentEnded, assignment.id, { assignment: toAssignmentSnapshot(assignment) });
      await this.people.flush();
    });
  }
}
