import { Module } from '@nestjs/common';
import { OfficerMembers } from './officer-members';
import { OfficerRepository } from './officer.repository';
import { OrganisationRepository } from './organisation.repository';
import { AppointOfficerUseCase } from './use-cases/appoint-officer/appoint-officer.use-case';
import { EndOfficerTermUseCase } from './use-cases/end-officer-term/end-officer-term.use-case';
import { ListOfficersUseCase } from './use-cases/list-officers/list-officers.use-case';
import { OrganisationsBusController } from './organisations.bus-controller';
import { CreateOrganisationUseCase } from './use-cases/create-organisation/create-organisation.use-case';
import { GetOrganisationUseCase } from './use-cases/get-organisation/get-organisation.use-case';
import { ListOrganisationsUseCase } from './use-cases/list-organisations/list-organisations.use-case';
import { FindPublicBranchesUseCase } from './use-cases/find-public-branches/find-public-branches.use-case';
import { UpdateOrganisationUseCase } from './use-cases/update-organisation/update-organisation.use-case';

/** Party organisations mirroring the grid (一网格一支部). Exports its repositories: every other feature binds to organisations (coverage reads their officers). */
@Module({
  controllers: [OrganisationsBusController],
  providers: [
    OrganisationRepository,
    OfficerRepository,
    OfficerMembers,
    CreateOrganisationUseCase,
    UpdateOrganisationUseCase,
    GetOrganisationUseCase,
    ListOrganisationsUseCase,
    AppointOfficerUseCase,
    EndOfficerTermUseCase,
    ListOfficersUseCase,
    FindPublicBranchesUseCase,
  ],
  exports: [OrganisationRepository, OfficerRepository, OfficerMembers],
})
export class OrganisationsModule {}
