import { Module } from '@nestjs/common';
import { ActivitiesClient, ActivityPhotosClient, CommitteesClient, CoverageClient, LedgerClient, MembersClient, OrganisationsClient, RegistrationsClient, StationsClient } from '@gridline/contracts-party-building';
import { CommitteesController } from './committees.controller';
import { ActivitiesController } from './activities.controller';
import { ActivityPhotosController } from './activity-photos.controller';
import { CoverageController } from './coverage.controller';
import { MembersController } from './members.controller';
import { LedgerController } from './ledger.controller';
import { OrganisationsController } from './organisations.controller';
import { RegistrationsController } from './registrations.controller';
import { StationsController } from './stations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController, MembersController, LedgerController, ActivitiesController, ActivityPhotosController, CoverageController, RegistrationsController, StationsController, CommitteesController],
  providers: [OrganisationsClient, MembersClient, LedgerClient, ActivitiesClient, ActivityPhotosClient, CoverageClient, RegistrationsClient, StationsClient, CommitteesClient],
  // The public grid lookup adds the grid's branch and the nearest red station to its answer.
  exports: [StationsClient, OrganisationsClient],
})
export class PartyModule {}
