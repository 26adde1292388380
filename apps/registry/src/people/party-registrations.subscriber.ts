import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventSubscriber } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type RegistrationEventData } from '@gridline/contracts-party-building';
import { PARTY_REGISTRATION_SOURCE, assignmentSource } from '@gridline/contracts-registry';
import { AssignRegisteredMemberCommand } from './use-cases/assign-registered-member/assign-registered-member.command';
import { AssignRegisteredMemberUseCase } from './use-cases/assign-registered-member/assign-registered-member.use-case';
import { EndRegisteredMemberCommand } from './use-cases/end-registered-member/end-registered-member.command';
import { EndRegisteredMemberUseCase } from './use-cases/end-registered-member/end-registered-member.use-case';
import { RecordAssignmentRefusalCommand } from './use-cases/record-assignment-refusal/record-assignment-refusal.command';
import { RecordAssignmentRefusalUseCase } from './use-cases/record-assignment-refusal/record-assignment-refusal.use-case';

/**
 * One of the "seven into the grid": an in-service party member's registration approved by the community's party
 * committee (`events.party-building.registration.approved`) makes them an `in_service_party_member` of the grid they
 * serve; `.ended` ends it. Each effect commits with the inbox row; what the registry refuses is announced as
 * `assignment.refused` (party-building shows it on the registration), not retried.
 */
@Injectable()
@EventSubscription()
export class PartyRegistrationsSubscriber implements EventSubscriber {
  readonly name = 'party-registrations';
  readonly source = 'party-building';
  readonly filter = 'registration.>';

  constructor(
    private readonly assign: AssignRegisteredMemberUseCase,
    private readonly end: EndRegisteredMemberUseCase,
    private readonly refusal: RecordAssignmentRefusalUseCase,
  ) {}

  handlers() {
    const failed = async (event: CloudEvent<RegistrationEventData>, error: Error) =>
      this.refusal.execute(new RecordAssignmentRefusalCommand(assignmentSource(PARTY_REGISTRATION_SOURCE, event.data.registrationId), event.data.gridCode, 'in_service_party_member', error));
    return [
      on(PARTY_BUILDING_EVENTS.registrationApproved, (event) => this.assign.execute(new AssignRegisteredMemberCommand(event.data)), { failed }),
      on(PARTY_BUILDING_EVENTS.registrationEnded, (event) => this.end.execute(new EndRegisteredMemberCommand(event.data)), { failed }),
    ];
  }
}
