import { Injectable } from '@nestjs/common';
import { MikroORM, RequestContext as OrmContext } from '@mikro-orm/core';
import type { Caller } from '@gridline/auth';
import type { IncidentLocation, IncidentUrgency, ReportResult } from '@gridline/contracts-incidents';
import { ReportIncidentCommand } from '../report-incident/report-incident.command';
import { ReportIncidentUseCase } from '../report-incident/report-incident.use-case';

/** The hotline, acting for the appeals it hands down to a grid. */
export const HOTLINE_ACTOR: Caller = { sub: 'hotline', name: '12345 hotline', roles: ['admin'], units: [] };

export interface AppealHandedDown {
  appealId: string;
  categoryCode: string;
  title: string;
  description: string;
  location?: IncidentLocation;
  gridCode?: string;
  urgency: IncidentUrgency;
}

/**
 * Opens the grid case of a hotline appeal handed down to a grid. Keyed by the appeal, so that a redelivered
 * event (or a retried request) opens one case, never two; the case carries the appeal's reference, and its
 * events (closed, with the result) let the hotline answer the caller.
 */
@Injectable()
export class OpenCaseFromAppealUseCase {
  constructor(
    private readonly report: ReportIncidentUseCase,
    private readonly orm: MikroORM,
  ) {}

  /** Runs in an identity map of its own: it is called from event consumers, outside any request. */
  execute(appeal: AppealHandedDown): Promise<ReportResult> {
    return OrmContext.create(this.orm.em, () => this.report.execute(
      new ReportIncidentCommand(
        HOTLINE_ACTOR,
        {
          categoryCode: appeal.categoryCode,
          title: appeal.title,
          description: appeal.description,
          ...(appeal.location ? { location: appeal.location } : {}),
          ...(appeal.gridCode ? { gridCode: appeal.gridCode } : {}),
          urgency: appeal.urgency,
          source: 'hotline',
          appealRef: appeal.appealId,
        },
        `appeal:${appeal.appealId}`,
      ),
    ));
  }
}
