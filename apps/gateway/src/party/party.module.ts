import { Module } from '@nestjs/common';
import { ActivitiesClient, CoverageClient, LedgerClient, MembersClient, OrganisationsClient, RegistrationsClient } from '@gridline/contracts-party-building';
import { ActivitiesController } from './activities.controller';
import { CoverageController } from './coverage.controller';
import { MembersController } from './members.controller';
import { LedgerController } from './ledger.controller';
import { OrganisationsController } from './organisations.controller';
import { RegistrationsController } from './registrations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController, MembersController, LedgerController, ActivitiesController, CoverageController, RegistrationsController],
  providers: [OrganisationsClient, MembersClient, LedgerClient, ActivitiesClient, CoverageClient, RegistrationsClient],
})
export class PartyModule {}
