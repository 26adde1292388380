import { Module } from '@nestjs/common';
import { LedgerClient, MembersClient, OrganisationsClient } from '@gridline/contracts-party-building';
import { MembersController } from './members.controller';
import { LedgerController } from './ledger.controller';
import { OrganisationsController } from './organisations.controller';

/** The party-building routes, `/api/v1/party/…`: one controller and one client per feature of the service. */
@Module({
  controllers: [OrganisationsController, MembersController, LedgerController],
  providers: [OrganisationsClient, MembersClient, LedgerClient],
})
export class PartyModule {}
