import { Injectable } from '@nestjs/common';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { AppealJournal } from '../../../appeal/appeal-journal';
import type { AppealEntity } from '../../../appeal/appeal.entity';
import { AppealRepository } from '../../../appeal/appeal.repository';
import { handledThroughCase, lapsePendingReview, pendingReview, returnToHotline } from '../../../appeal/appeal-process';
import type { FollowGridCaseCommand } from './follow-grid-case.command';

/**
 * The grid linkage, back from the grid: the case opened for an appeal's current hand-off moves the appeal — signed
 * when the grid signs for it, its answer-by date moved with an extension granted to the case (never earlier),
 * answered with the handling result and how far it resolved the matter when the case is closed after verification,
 * a return asked of the dispatcher when the case is rejected or cancelled, returned to the hotline when it is merged
 * into another. Events of an earlier
 * hand-off's case (a case rejected before a re-dispatch, the closed case before a re-handling) change nothing.
 * Redelivered events change nothing twice (the inbox, and the state checks below).
 */
@Injectable()
export class FollowGridCaseUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly journal: AppealJournal,
  ) {}

  async execute({ type, data }: FollowGridCaseCommand): Promise<void> {
    if (!data.appealRef || data.source !== 'hotline') return;
    const appeal = await this.appeals.findById(data.appealRef);
    if (!appeal || !isCurrentCase(appeal, data)) return;
    appeal.incidentId = data.incidentId;
    appeal.incidentStatus = data.status;
    // The appeal moves when the case did (a back-dated case of the seed's history included): its entries carry that time.
    const at = new Date(data.at);
    appeal.updatedAt = new Date(Math.max(appeal.updatedAt.getTime(), at.getTime()));
    const from = appeal.status;
    const actor = `incident:${data.incidentId}`;
    const live = appeal.status === 'dispatched' || appeal.status === 'signed';
    if (type === INCIDENTS_EVENTS.signed.type && appeal.status === 'dispatched') {
      appeal.status = 'signed';
      appeal.signedAt = new Date(data.at);
      this.journal.record(appeal, { action: 'sign', actor, from, at }, 'signed');
    } else if (type === INCIDENTS_EVENTS.extended.type && live) {
      // The grid was given more time: the caller's answer-by date follows the case's new due time, a date given.
      const until = data.dueAt ? new Date(data.dueAt) : null;
      if (until && (!appeal.answerDueAt || until > appeal.answerDueAt)) {
        appeal.answerDueAt = until;
        appeal.dueProvisional = false;
        appeal.extensionCount += 1;
        this.journal.record(appeal, { action: 'extend', actor, from, comment: data.comment, at }, 'extended');
      }
    } else if (type === INCIDENTS_EVENTS.closed.type && live) {
      lapsePendingReview(appeal); // a co-owner's objection the answer overtook
      appeal.status = 'answered';
      appeal.answeredAt = new Date(data.at);
      // Events from before `resolution` was carried: a verified case counts as resolved.
      appeal.reply = { resolution: data.resolution ?? 'resolved', text: data.result ?? '网格已处置并经现场核查' };
      this.journal.record(appeal, { action: 'answer', actor, from, comment: appeal.reply.text, at }, 'answered');
    } else if ([INCIDENTS_EVENTS.rejected.type, INCIDENTS_EVENTS.cancelled.type].includes(type) && live) {
      this.requestReturn(appeal, type === INCIDENTS_EVENTS.rejected.type ? 'rejected' : 'cancelled', data);
    } else if (type === INCIDENTS_EVENTS.merged.type && live) {
      // Merged into another case: back to the hotline, to be merged likewise.
      returnToHotline(appeal);
      this.journal.record(appeal, { action: 'return', actor, from, comment: data.comment, at }, 'returned');
    }
    await this.appeals.flush();
  }

  /**
   * The grid's 退单 — its case rejected or cancelled by the grid centre — is asked, not done: a pending return on
   * the appeal, requested by whoever took the step on the case, with its reason, for the dispatcher to decide like
   * any owner's return (approved: back to `received`; refused: a new hand-off to the grid). Meanwhile the appeal
   * stays the grid's and its clocks keep running. An objection still waiting is overtaken by it (lapsed).
   */
  private requestReturn(appeal: AppealEntity, how: 'rejected' | 'cancelled', data: IncidentEventData): void {
    if (pendingReview(appeal, 'return') && appeal.review!.incidentId === data.incidentId) return; // told again
    lapsePendingReview(appeal);
    const reason = data.comment ?? (how === 'rejected' ? '网格驳回工单' : '网格撤销工单');
    appeal.review = {
      kind: 'return',
      status: 'pending',
      role: 'lead',
      owner: appeal.lead!,
      suggestedOwner: null,
      reason,
      requestedBy: data.actor,
      requestedAt: data.at,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      incidentId: data.incidentId,
    };
    const details = { via: `case_${how}`, incidentId: data.incidentId, requestedBy: data.actor };
    this.journal.record(appeal, { action: 'return', actor: `incident:${data.incidentId}`, from: appeal.status, comment: reason, details, at: new Date(data.at) }, 'returnRequested');
  }
}

/**
 * Whether the event is about the case of the appeal's current hand-off: only a grid-led appeal has one (after an
 * objection upheld to a department, the withdrawn case's events change nothing). A case from before hand-offs were
 * numbered counts only while the appeal is on its first hand-off and not linked to another case.
 */
function isCurrentCase(appeal: AppealEntity, data: IncidentEventData): boolean {
  if (!handledThroughCase(appeal)) return false;
  const handoff = data.appealHandoff ?? null;
  if (handoff !== null) return handoff === appeal.handoffCount;
  return appeal.handoffCount <= 1 && (appeal.incidentId === null || appeal.incidentId === data.incidentId);
}
