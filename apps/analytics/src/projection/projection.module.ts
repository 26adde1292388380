import { Module } from '@nestjs/common';
import { PROJECTION_SUBSCRIBERS } from './analytics-projections';
import { CaseProjectionRepository } from './case-projection.repository';
import { PartyProjectionRepository } from './party-projection.repository';
import { ProjectionRepository } from './projection.repository';

/**
 * The projections kept from other services' events: units, grids' collection quality, hotline owners' figures, party
 * figures, grid cases. Their subscribers come from `ANALYTICS_PROJECTIONS` (add a projection there, not here).
 */
@Module({
  providers: [ProjectionRepository, PartyProjectionRepository, CaseProjectionRepository, ...PROJECTION_SUBSCRIBERS],
})
export class ProjectionModule {}
