import { Module } from '@nestjs/common';
import { CaseProjectionRepository } from './case-projection.repository';
import { CaseProjectionSubscriber } from './case-projection.subscriber';
import { HotlineFiguresProjectionSubscriber } from './hotline-figures-projection.subscriber';
import { PartyProjectionRepository } from './party-projection.repository';
import { PartyProjectionSubscriber } from './party-projection.subscriber';
import { ProjectionRepository } from './projection.repository';
import { QualityProjectionSubscriber } from './quality-projection.subscriber';
import { UnitProjectionSubscriber } from './unit-projection.subscriber';

/** The projections kept from other services' events: units, grids' collection quality, hotline owners' figures, party figures, grid cases. */
@Module({
  providers: [ProjectionRepository, UnitProjectionSubscriber, QualityProjectionSubscriber, HotlineFiguresProjectionSubscriber, PartyProjectionRepository, PartyProjectionSubscriber, CaseProjectionRepository, CaseProjectionSubscriber],
})
export class ProjectionModule {}
