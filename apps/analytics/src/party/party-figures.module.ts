import { Module } from '@nestjs/common';
import { PartyFiguresBusController } from './party-figures.bus-controller';
import { PartyFiguresRepository } from './party-figures.repository';
import { GetPartyFiguresUseCase } from './use-cases/get-party-figures/get-party-figures.use-case';

/** The party figures per unit: branch coverage, members, in-service registrations, activities and hours. */
@Module({
  controllers: [PartyFiguresBusController],
  providers: [PartyFiguresRepository, GetPartyFiguresUseCase],
  exports: [PartyFiguresRepository, GetPartyFiguresUseCase],
})
export class PartyFiguresModule {}
