import { Injectable } from '@nestjs/common';
import { Outbox } from '@gridline/messaging';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import type { RecordAssignmentRefusalCommand } from './record-assignment-refusal.command';

/**
 * Announces `assignment.refused` in the event consumer's `failed` transaction (with its inbox row): the service whose
 * event asked for the assignment shows the reason where a person sees it; nothing retries it.
 */
@Injectable()
export class RecordAssignmentRefusalUseCase {
  constructor(private readonly outbox: Outbox) {}

  execute({ source, unitCode, role, error }: RecordAssignmentRefusalCommand): void {
    const code = error instanceof AppError ? error.code : CommonErrorCode.Internal;
    this.outbox.record(REGISTRY_EVENTS.assignmentRefused, source, { source, unitCode, role, code, reason: error.message.slice(0, 500), at: new Date().toISOString() });
  }
}
