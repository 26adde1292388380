import { Module } from '@nestjs/common';
import { OrganisationsClient } from '@gridline/contracts-party-building';
import { OrganisationsController } from './organisations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController],
  providers: [OrganisationsClient],
})
export class PartyModule {}
