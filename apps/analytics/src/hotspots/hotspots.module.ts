import { Module } from '@nestjs/common';
import { PartyFiguresModule } from '../party/party-figures.module';
import { HotspotsBusController } from './hotspots.bus-controller';
import { HotspotsRepository } from './hotspots.repository';
import { GetHotspotsUseCase } from './use-cases/get-hotspots/get-hotspots.use-case';
import { GetTrendsUseCase } from './use-cases/get-trends/get-trends.use-case';

/** Hot spots (`analytics.hotspots.get`) and trends (`analytics.trends.get`) over the case projection. */
@Module({
  imports: [PartyFiguresModule],
  controllers: [HotspotsBusController],
  providers: [HotspotsRepository, GetHotspotsUseCase, GetTrendsUseCase],
  exports: [HotspotsRepository],
})
export class HotspotsModule {}
