import { Injectable } from '@nestjs/common';
import { BusClient } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, type CollectionQualityView, type OverviewView } from './overview';
import type { HotlineFiguresView } from './hotline-figures';

@Injectable()
export class AnalyticsClient {
  constructor(private readonly bus: BusClient) {}

  overview(caller: Caller): Promise<OverviewView> {
    return this.bus.request(ANALYTICS_REQUESTS.overview, {}, { caller });
  }

  collectionQuality(caller: Caller): Promise<CollectionQualityView> {
    return this.bus.request(ANALYTICS_REQUESTS.collectionQuality, {}, { caller });
  }

  hotlineFigures(caller: Caller): Promise<HotlineFiguresView> {
    return this.bus.request(ANALYTICS_REQUESTS.hotlineFigures, {}, { caller });
  }
}
