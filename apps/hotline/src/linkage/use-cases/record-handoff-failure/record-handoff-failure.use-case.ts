import { Injectable } from '@nestjs/common';
import { AppealJournal } from '../../../appeal/appeal-journal';
import { AppealRepository } from '../../../appeal/appeal.repository';
import { lapsePendingReview } from '../../../appeal/appeal-process';
import type { RecordHandoffFailureCommand } from './record-handoff-failure.command';

/**
 * A hand-off incidents refused (a category or grid no longer active) shows on the appeal, which goes back to its
 * operators: only the current hand-off, still waiting for its case; told again, nothing changes.
 */
@Injectable()
export class RecordHandoffFailureUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly journal: AppealJournal,
  ) {}

  async execute({ failure: data }: RecordHandoffFailureCommand): Promise<void> {
    const appeal = await this.appeals.findById(data.appealId);
    // Only the current hand-off, still waiting for its case.
    if (!appeal || (data.handoff ?? 1) !== appeal.handoffCount || appeal.incidentId !== null || appeal.status !== 'dispatched') return;
    const from = appeal.status;
    appeal.handoffFailure = { handoff: appeal.handoffCount, code: data.code, reason: data.reason, at: data.at };
    lapsePendingReview(appeal);
    appeal.status = 'received';
    appeal.lead = null;
    appeal.leadKey = null;
    appeal.updatedAt = new Date();
    this.journal.record(appeal, { action: 'handoff_failed', actor: `grid:${data.gridCode}`, from, comment: `hand-off failed: ${data.reason}` }, 'handoffFailed');
    await this.appeals.flush();
  }
}
