import { Inject, Injectable } from '@nestjs/common';
import { HotlineOpen311Client } from '@gridline/contracts-hotline';
import { Open311Error } from '../../open311-error';
import { toOpen311Update } from '../../open311-mapper';
import { checkJurisdiction, type Open311Params } from '../../open311-params';
import { readPage, readPeriod } from '../../open311-period';
import type { Open311ServiceRequestUpdate } from '../../open311.types';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from '../../open311.settings';

/**
 * FixMyStreet's GET servicerequestupdates: the public steps of the requests GET requests shows (status changes, the
 * reply of an answer) and the citizens' comments posted through Open311, recorded between start_date and end_date
 * (the window of GET requests), oldest first, at most 1000 a page (`page`, `page_size`). No api_key is needed (one
 * sent, as FixMyStreet does, is ignored).
 */
@Injectable()
export class ReadServiceRequestUpdatesUseCase {
  constructor(
    private readonly hotline: HotlineOpen311Client,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  async list(params: Open311Params): Promise<Open311ServiceRequestUpdate[]> {
    checkJurisdiction(this.settings, params);
    const errors: string[] = [];
    const period = readPeriod(params, errors);
    if (errors.length || !period) throw Open311Error.badRequest(...errors);
    const updates = await this.hotline.publicUpdates(open311Caller(this.settings), {
      channels: this.settings.publishedChannels,
      from: period.from.toISOString(),
      ...(period.to ? { to: period.to.toISOString() } : {}),
      ...readPage(params),
    });
    return updates.map(toOpen311Update);
  }
}
