import { Module } from '@nestjs/common';
import { HotlineFiguresModule } from '../hotline/hotline-figures.module';
import { OverviewModule } from '../overview/overview.module';
import { PartyFiguresModule } from '../party/party-figures.module';
import { FiguresBusController } from './figures.bus-controller';
import { FiguresRepository } from './figures.repository';
import { GetFiguresUseCase } from './use-cases/get-figures/get-figures.use-case';

/** The grid centre's figures by scope and period (`analytics.figures.get`), over the case projection and the others. */
@Module({
  imports: [HotlineFiguresModule, OverviewModule, PartyFiguresModule],
  controllers: [FiguresBusController],
  providers: [FiguresRepository, GetFiguresUseCase],
  exports: [FiguresRepository],
})
export class FiguresModule {}
