import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import type { ReportResult } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { ReportIncidentCommand } from '../report-incident/report-incident.command';
import { ReportIncidentUseCase } from '../report-incident/report-incident.use-case';
import type { AppealHandedDown } from './open-case-from-appeal.command';

/** The hotline, acting for the appeals it hands down to a grid. */
export const HOTLINE_ACTOR: Caller = { sub: 'hotline', name: '12345 hotline', roles: ['admin'], units: [] };

/** The case's own key: one case per hand-off of an appeal, so that a re-dispatch or a re-handling opens a new one. */
export const handoffKey = (appealId: string, handoff: number | null) => (handoff === null ? `appeal:${appealId}` : `appeal:${appealId}:${handoff}`);

/**
 * Opens the grid case of a hotline appeal handed down to a grid, in the event consumer's transaction (with its inbox
 * row: the report's own transaction joins it). Keyed by the appeal's hand-off, so that a redelivered event opens one
 * case, never two; the case carries the appeal's reference and hand-off, and its events (signed, closed with the
 * result, rejected) move the appeal.
 */
@Injectable()
export class OpenCaseFromAppealUseCase {
  constructor(
    private readonly report: ReportIncidentUseCase,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute(appeal: AppealHandedDown): Promise<ReportResult> {
    // The hotline checked both with the registry: missing here, the registry's copy events are still on their way.
    if (!(await this.reference.category(appeal.categoryCode))) throw notCopiedYet(`category ${appeal.categoryCode}`);
    if (!(await this.reference.unit(appeal.gridCode))) throw notCopiedYet(`grid ${appeal.gridCode}`);
    return this.report.execute(
      new ReportIncidentCommand(
        HOTLINE_ACTOR,
        {
          categoryCode: appeal.categoryCode,
          title: appeal.title,
          description: appeal.description,
          ...(appeal.location ? { location: appeal.location } : {}),
          gridCode: appeal.gridCode,
          urgency: appeal.urgency,
          source: 'hotline',
          appealRef: appeal.appealId,
        },
        handoffKey(appeal.appealId, appeal.handoff),
        appeal.handoff ?? undefined,
        // The report's timeline entry says which hand-off it answers and, for a re-handling, the caller's satisfaction.
        {
          appealRef: appeal.appealId,
          handoff: appeal.handoff,
          ...(appeal.reopenCount !== undefined ? { reopenCount: appeal.reopenCount } : {}),
          ...(appeal.satisfaction ? { satisfaction: appeal.satisfaction } : {}),
        },
        appeal.handedDownAt ? new Date(appeal.handedDownAt) : undefined,
      ),
    );
  }
}

function notCopiedYet(what: string): AppError {
  return new AppError(CommonErrorCode.ServiceUnavailable, 'unavailable', `The ${what} has not reached incidents yet`);
}
