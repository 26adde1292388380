import { Module } from '@nestjs/common';
import { HotlineFiguresProjectionSubscriber } from './hotline-figures-projection.subscriber';
import { PartyProjectionRepository } from './party-projection.repository';
import { PartyProjectionSubscriber } from './party-projection.subscriber';
import { ProjectionRepository } from './projection.repository';
import { QualityProjectionSubscriber } from './quality-projection.subscriber';
import { UnitProjectionSubscriber } from './unit-projection.subscriber';

/** The projections kept from other services' events: units, grids' collection quality, hotline owners' figures, party figures. */
@Module({
  providers: [ProjectionRepository, UnitProjectionSubscriber, QualityProjectionSubscriber, HotlineFiguresProjectionSubscriber, PartyProjectionRepository, PartyProjectionSubscriber],
})
export class ProjectionModule {}
