import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { ActivityReportView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { activityNotFound, reportNotFound } from '../../activity.errors';
import { toReportView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { ActivityPhotoRepository } from '../../photos/activity-photo.repository';
import { toActivityPhotoView } from '../../photos/activity-photo-rules';
import type { GetReportQuery } from './get-report.query';

/** An activity's report with its stored photos, for readers of its units. */
@Injectable()
export class GetReportUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly photos: ActivityPhotoRepository,
  ) {}

  async execute({ caller, id }: GetReportQuery): Promise<ActivityReportView> {
    requireRole(caller, PARTY_READERS, 'read party activity reports');
    const activity = await this.activities.findById(id);
    if (!activity || !PartyScope.reads(caller, activity.path)) throw activityNotFound(id);
    const report = toReportView(activity, (await this.photos.storedOf(activity.id)).map(toActivityPhotoView));
    if (!report) throw reportNotFound(id);
    return report;
  }
}
