import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, HotspotsQuery, TrendsQuery } from '@gridline/contracts-analytics';
import { GetHotspotsQuery } from './use-cases/get-hotspots/get-hotspots.query';
import { GetHotspotsUseCase } from './use-cases/get-hotspots/get-hotspots.use-case';
import { GetTrendsQuery } from './use-cases/get-trends/get-trends.query';
import { GetTrendsUseCase } from './use-cases/get-trends/get-trends.use-case';

@BoundedRead()
@Controller()
export class HotspotsBusController {
  constructor(
    private readonly getHotspots: GetHotspotsUseCase,
    private readonly getTrends: GetTrendsUseCase,
  ) {}

  @MessagePattern(ANALYTICS_REQUESTS.hotspots.pattern)
  hotspots(@Payload() query: HotspotsQuery, @BusCaller() caller: Caller) {
    return this.getHotspots.execute(new GetHotspotsQuery(caller, query));
  }

  @MessagePattern(ANALYTICS_REQUESTS.trends.pattern)
  trends(@Payload() query: TrendsQuery, @BusCaller() caller: Caller) {
    return this.getTrends.execute(new GetTrendsQuery(caller, query));
  }
}
