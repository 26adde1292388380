import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { PARTY_BUILDING_EVENTS, type RegistrationView } from '@gridline/contracts-party-building';
import { registrationInState, registrationNotFound } from '../../registration.errors';
import { RegistrationAccess } from '../../registration-access';
import { RegistrationRepository } from '../../registration.repository';
import { STEPS_FROM, mayDecide } from '../../registration-rules';
import { RegistrationViews } from '../../registration-views';
import type { DecideRegistrationCommand } from './decide-registration.command';

/**
 * Approves or rejects a submitted registration: only the community's party committee (a keeper whose scope covers
 * the community). Approval starts the hand-off to the registry (`registration.approved`; the hand-off shows
 * `pending` until the registry answers). A caller who may not see the registration gets "not found"; one who may
 * see it but not decide (a grid branch's secretary) is forbidden.
 */
@Injectable()
export class DecideRegistrationUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly access: RegistrationAccess,
    private readonly views: RegistrationViews,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, decision }: DecideRegistrationCommand): Promise<RegistrationView> {
    requireRole(caller, PARTY_KEEPERS, 'decide dual registrations');
    const step = decision.approve ? 'approve' : 'reject';
    return this.transactions.run(async () => {
      const registration = await this.registrations.lock(id);
      if (!registration || !(await this.access.reads(caller, registration))) throw registrationNotFound(id);
      if (!mayDecide(caller, registration)) {
        throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Only the party committee of community ${registration.communityCode} may ${step} this registration`, { communityCode: registration.communityCode });
      }
      if (!STEPS_FROM[step].includes(registration.state)) throw registrationInState(id, decision.approve ? 'approved' : 'rejected', registration.state);
      registration.decidedBy = caller.sub;
      registration.decidedAt = new Date();
      if (decision.approve) {
        registration.state = 'approved';
        registration.handoffStatus = 'pending';
        this.registrations.stepped(registration, PARTY_BUILDING_EVENTS.registrationApproved);
      } else {
        registration.state = 'rejected';
        registration.rejectionReason = decision.reason;
        this.registrations.stepped(registration, PARTY_BUILDING_EVENTS.registrationRejected);
      }
      await this.registrations.save();
      return this.views.one(registration);
    });
  }
}
