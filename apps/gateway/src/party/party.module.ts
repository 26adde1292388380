import { Module } from '@nestjs/common';
import { MembersClient, OrganisationsClient } from '@gridline/contracts-party-building';
import { MembersController } from './members.controller';
import { OrganisationsController } from './organisations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController, MembersController],
  providers: [OrganisationsClient, MembersClient],
})
export class PartyModule {}
