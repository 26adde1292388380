import type { RegistrationEventData } from '@gridline/contracts-party-building';

/** An in-service party member's registration, approved by the community's party committee (party-building's event). */
export class AssignRegisteredMemberCommand {
  constructor(readonly registration: RegistrationEventData) {}
}
