import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import type { ActivityReportView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { PartyScope } from '../../../scope/party-scope';
import { activityClosed, activityNotFound, reportNotFound } from '../../activity.errors';
import { toReportView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { reportProblem } from '../../activity-rules';
import type { SubmitReportCommand } from './submit-report.command';

/** The activity's report, once, after its end: what was done, and the attendance counted now (signed up, attended, no-shows). */
@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, id, summary }: SubmitReportCommand): Promise<ActivityReportView> {
    requireRole(caller, PARTY_KEEPERS, 'report party activities');
    return this.transactions.run(async () => {
      const activity = await this.activities.lock(id);
      if (!activity || !PartyScope.keeps(caller, activity.path)) throw activityNotFound(id);
      const now = this.clock.now();
      const problem = reportProblem(activity, now);
      if (problem) throw activityClosed(id, problem);
      activity.reportCounts = await this.activities.attendance(id);
      activity.reportSummary = summary;
      activity.reportedAt = now;
      activity.reportedBy = caller.sub;
      this.activities.reported(activity);
      await this.activities.save();
      // Photos come after the report: none yet.
      const report = toReportView(activity, []);
      if (!report) throw reportNotFound(id);
      return report;
    });
  }
}
