import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { RegistrationRepository } from '../../registration.repository';
import type { RecordHandoffOutcomeCommand } from './record-handoff-outcome.command';

/**
 * Shows the registry's answer on the registration (in the event consumer's transaction): `done` with the
 * assignment, or `failed` with the registry's reason. A done hand-off stays done (a late refusal of a redelivery
 * cannot undo it); an unknown registration is ignored.
 */
@Injectable()
export class RecordHandoffOutcomeUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ registrationId, outcome, at }: RecordHandoffOutcomeCommand): Promise<void> {
    await this.transactions.run(async () => {
      const registration = await this.registrations.lock(registrationId);
      if (!registration || registration.handoffStatus === 'done') return;
      if (outcome.done) {
        registration.handoffStatus = 'done';
        registration.handoffAssignmentId = outcome.assignmentId;
        registration.handoffPersonId = outcome.personId;
        registration.handoffReason = null;
      } else {
        registration.handoffStatus = 'failed';
        registration.handoffReason = outcome.reason;
      }
      registration.handoffAt = at;
      registration.updatedAt = new Date();
      await this.registrations.save();
    });
  }
}
