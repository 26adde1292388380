import { Injectable } from '@nestjs/common';
import { requireProcess } from '@gridline/auth';
import type { RegistrationHandoffDetails } from '@gridline/contracts-party-building';
import { registrationNotFound } from '../../registration.errors';
import { RegistrationMembers } from '../../registration-members';
import { RegistrationRepository } from '../../registration.repository';
import type { GiveHandoffDetailsQuery } from './give-handoff-details.query';

/**
 * The member's name for the registry's person (names never travel in events): answered only to the registry acting
 * for itself (`svc:registry`, which only its own key signs — no user, not even an admin), and only for a registration
 * that was approved.
 */
@Injectable()
export class GiveHandoffDetailsUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly members: RegistrationMembers,
  ) {}

  async execute({ caller, id }: GiveHandoffDetailsQuery): Promise<RegistrationHandoffDetails> {
    requireProcess(caller, 'registry', "read a registered member's name");
    const registration = await this.registrations.findById(id);
    if (!registration || registration.handoffStatus === 'none') throw registrationNotFound(id);
    const name = await this.members.clearName(registration.memberId);
    if (name === null) throw registrationNotFound(id);
    return {
      registrationId: registration.id,
      memberId: registration.memberId,
      memberName: name,
      state: registration.state,
      gridCode: registration.gridCode,
      startsOn: registration.startsOn,
      endsOn: registration.endsOn,
    };
  }
}
