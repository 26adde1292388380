import type { RegistrationEventData } from '@gridline/contracts-party-building';

/** An in-service party member's registration ended (party-building's event). */
export class EndRegisteredMemberCommand {
  constructor(readonly registration: RegistrationEventData) {}
}
