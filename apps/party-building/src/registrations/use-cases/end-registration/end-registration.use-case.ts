import { Injectable } from '@nestjs/common';
import { PARTY_REGISTRANTS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { PARTY_BUILDING_EVENTS, partyInvalid, type RegistrationView } from '@gridline/contracts-party-building';
import { registrationInState, registrationNotFound } from '../../registration.errors';
import { RegistrationAccess } from '../../registration-access';
import { RegistrationRepository } from '../../registration.repository';
import { STEPS_FROM, endDay } from '../../registration-rules';
import { RegistrationViews } from '../../registration-views';
import type { EndRegistrationCommand } from './end-registration.command';

/**
 * Ends a registration: the member leaving, or a keeper of its grid. An approved one gets its last day (today by
 * default, within its period) and `registration.ended`, on which the registry ends the member's assignment; a
 * submitted one is withdrawn (its period unchanged).
 */
@Injectable()
export class EndRegistrationUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly access: RegistrationAccess,
    private readonly views: RegistrationViews,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, endsOn }: EndRegistrationCommand): Promise<RegistrationView> {
    requireRole(caller, PARTY_REGISTRANTS, 'end dual registrations');
    return this.transactions.run(async () => {
      const registration = await this.registrations.lock(id);
      if (!registration || !(await this.access.ends(caller, registration))) throw registrationNotFound(id);
      if (!STEPS_FROM.end.includes(registration.state)) throw registrationInState(id, 'ended', registration.state);
      if (registration.state === 'approved') {
        const end = endDay(registration, endsOn, chinaDay());
        if ('problem' in end) throw partyInvalid('endsOn', end.problem);
        registration.endsOn = end.day;
      }
      registration.state = 'ended';
      registration.endedAt = new Date();
      this.registrations.stepped(registration, PARTY_BUILDING_EVENTS.registrationEnded);
      await this.registrations.save();
      return this.views.one(registration);
    });
  }
}
