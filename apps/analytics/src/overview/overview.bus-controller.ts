import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS } from '@gridline/contracts-analytics';
import { GetCollectionQualityUseCase } from './use-cases/get-collection-quality/get-collection-quality.use-case';
import { GetOverviewQuery } from './use-cases/get-overview/get-overview.query';
import { GetOverviewUseCase } from './use-cases/get-overview/get-overview.use-case';

@BoundedRead()
@Controller()
export class OverviewBusController {
  constructor(
    private readonly getOverview: GetOverviewUseCase,
    private readonly getCollectionQuality: GetCollectionQualityUseCase,
  ) {}

  @MessagePattern(ANALYTICS_REQUESTS.overview.pattern)
  overview(@BusCaller() caller: Caller) {
    return this.getOverview.execute(new GetOverviewQuery(caller));
  }

  @MessagePattern(ANALYTICS_REQUESTS.collectionQuality.pattern)
  collection(@BusCaller() caller: Caller) {
    return this.getCollectionQuality.execute(caller);
  }
}
