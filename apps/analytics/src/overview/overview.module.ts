import { Module } from '@nestjs/common';
import { OverviewBusController } from './overview.bus-controller';
import { OverviewRepository } from './overview.repository';
import { GetCollectionQualityUseCase } from './use-cases/get-collection-quality/get-collection-quality.use-case';
import { GetOverviewUseCase } from './use-cases/get-overview/get-overview.use-case';

/** The overview of the units a caller oversees, and the grids' collection quality. */
@Module({
  controllers: [OverviewBusController],
  providers: [OverviewRepository, GetOverviewUseCase, GetCollectionQualityUseCase],
  exports: [OverviewRepository],
})
export class OverviewModule {}
