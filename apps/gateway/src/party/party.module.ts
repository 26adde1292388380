import { Module } from '@nestjs/common';
import { ActivitiesClient, LedgerClient, MembersClient, OrganisationsClient } from '@gridline/contracts-party-building';
import { ActivitiesController } from './activities.controller';
import { MembersController } from './members.controller';
import { LedgerController } from './ledger.controller';
import { OrganisationsController } from './organisations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController, MembersController, LedgerController, ActivitiesController],
  providers: [OrganisationsClient, MembersClient, LedgerClient, ActivitiesClient],
})
export class PartyModule {}
