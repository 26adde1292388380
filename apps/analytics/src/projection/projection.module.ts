import { Module } from '@nestjs/common';
import { PROJECTION_PROVIDERS } from './analytics-projections';
import { AppealProjectionRepository } from './appeal-projection.repository';
import { CaseProjectionRepository } from './case-projection.repository';
import { PartyProjectionRepository } from './party-projection.repository';
import { ProjectionBootstrap } from './projection-bootstrap';
import { ProjectionRepository } from './projection.repository';

/**
 * The projections kept from other services' events: units, grids' collection quality, hotline owners' figures, party
 * figures, grid cases, 12345 appeals. Their subscribers come from `ANALYTICS_PROJECTIONS` (add a projection there, not here).
 */
@Module({
  providers: [ProjectionRepository, PartyProjectionRepository, CaseProjectionRepository, AppealProjectionRepository, ProjectionBootstrap, ...PROJECTION_PROVIDERS],
})
export class ProjectionModule {}
