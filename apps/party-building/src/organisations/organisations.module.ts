import { Module } from '@nestjs/common';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsBusController } from './organisations.bus-controller';
import { CreateOrganisationUseCase } from './use-cases/create-organisation/create-organisation.use-case';
import { GetOrganisationUseCase } from './use-cases/get-organisation/get-organisation.use-case';
import { ListOrganisationsUseCase } from './use-cases/list-organisations/list-organisations.use-case';
import { UpdateOrganisationUseCase } from './use-cases/update-organisation/update-organisation.use-case';

/** Party organisations mirroring the grid (一网格一支部). Exports its repository: every other feature binds to organisations. */
@Module({
  controllers: [OrganisationsBusController],
  providers: [OrganisationRepository, CreateOrganisationUseCase, UpdateOrganisationUseCase, GetOrganisationUseCase, ListOrganisationsUseCase],
  exports: [OrganisationRepository],
})
export class OrganisationsModule {}
