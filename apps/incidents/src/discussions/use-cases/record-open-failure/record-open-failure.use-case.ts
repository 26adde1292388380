import { Injectable } from '@nestjs/common';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { DiscussionRepository } from '../../discussion.repository';
import type { RecordOpenFailureCommand } from './record-open-failure.command';

/**
 * A lifted candidate that opened no discussion, in the consumer's `failed` hook (with the inbox row):
 * `discussion.open_failed` says why, and analytics shows it on the candidate — never retried into a dead letter.
 */
@Injectable()
export class RecordOpenFailureUseCase {
  constructor(private readonly discussions: DiscussionRepository) {}

  async execute({ candidate, error }: RecordOpenFailureCommand): Promise<void> {
    const str = (value: unknown) => (typeof value === 'string' ? value : '');
    this.discussions.recordOpenFailed(INCIDENTS_EVENTS.discussionOpenFailed, {
      discussionId: null,
      candidateId: str(candidate?.candidateId) || 'unknown',
      incidentId: null,
      streetCode: str(candidate?.streetCode),
      unitCode: str(candidate?.unitCode) || null,
      categoryCode: str(candidate?.categoryCode) || null,
      status: 'failed',
      tasks: [],
      taskId: null,
      reason: error.message.slice(0, 500),
      code: error instanceof AppError ? error.code : CommonErrorCode.Internal,
      actor: str(candidate?.liftedBy) || 'unknown',
      at: new Date().toISOString(),
    });
    await this.discussions.save();
  }
}
