import { Module } from '@nestjs/common';
import { ActivitiesClient, CoverageClient, LedgerClient, MembersClient, OrganisationsClient } from '@gridline/contracts-party-building';
import { ActivitiesController } from './activities.controller';
import { CoverageController } from './coverage.controller';
import { MembersController } from './members.controller';
import { LedgerController } from './ledger.controller';
import { OrganisationsController } from './organisations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController, MembersController, LedgerController, ActivitiesController, CoverageController],
  providers: [OrganisationsClient, MembersClient, LedgerClient, ActivitiesClient, CoverageClient],
})
export class PartyModule {}
