import { Module } from '@nestjs/common';
import { HotlineFiguresBusController } from './hotline-figures.bus-controller';
import { HotlineFiguresRepository } from './hotline-figures.repository';
import { GetHotlineFiguresUseCase } from './use-cases/get-hotline-figures/get-hotline-figures.use-case';

/** The hotline owners' figures (the three rates) as analytics keeps them. */
@Module({
  controllers: [HotlineFiguresBusController],
  providers: [HotlineFiguresRepository, GetHotlineFiguresUseCase],
  exports: [HotlineFiguresRepository],
})
export class HotlineFiguresModule {}
