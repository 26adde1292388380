import { Injectable } from '@nestjs/common';
import type { AppealTimelineEntry } from '@gridline/contracts-hotline';
import { toTimelineEntry } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { GetAppealTimelineQuery } from './get-appeal-timeline.query';

/** An appeal's timeline, oldest first, for whoever may see the appeal. */
@Injectable()
export class GetAppealTimelineUseCase {
  constructor(private readonly appeals: AppealRepository) {}

  async execute({ caller, id }: GetAppealTimelineQuery): Promise<AppealTimelineEntry[]> {
    await this.appeals.findVisible(caller, id);
    return (await this.appeals.timeline(id)).map(toTimelineEntry);
  }
}
