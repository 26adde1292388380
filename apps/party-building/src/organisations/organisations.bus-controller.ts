import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  AppointOfficerRequest,
  CreateOrganisationRequest,
  EndOfficerTermRequest,
  ListOrganisationsQuery as ListOrganisationsRequest,
  OrganisationIdRequest,
  PARTY_BUILDING_REQUESTS,
  PublicBranchesRequest,
  type UpdateOrganisationRequest,
} from '@gridline/contracts-party-building';
import { FindPublicBranchesQuery } from './use-cases/find-public-branches/find-public-branches.query';
import { FindPublicBranchesUseCase } from './use-cases/find-public-branches/find-public-branches.use-case';
import { AppointOfficerCommand } from './use-cases/appoint-officer/appoint-officer.command';
import { AppointOfficerUseCase } from './use-cases/appoint-officer/appoint-officer.use-case';
import { EndOfficerTermCommand } from './use-cases/end-officer-term/end-officer-term.command';
import { EndOfficerTermUseCase } from './use-cases/end-officer-term/end-officer-term.use-case';
import { ListOfficersQuery } from './use-cases/list-officers/list-officers.query';
import { ListOfficersUseCase } from './use-cases/list-officers/list-officers.use-case';
import { CreateOrganisationCommand } from './use-cases/create-organisation/create-organisation.command';
import { CreateOrganisationUseCase } from './use-cases/create-organisation/create-organisation.use-case';
import { GetOrganisationQuery } from './use-cases/get-organisation/get-organisation.query';
import { GetOrganisationUseCase } from './use-cases/get-organisation/get-organisation.use-case';
import { ListOrganisationsQuery } from './use-cases/list-organisations/list-organisations.query';
import { ListOrganisationsUseCase } from './use-cases/list-organisations/list-organisations.use-case';
import { UpdateOrganisationCommand } from './use-cases/update-organisation/update-organisation.command';
import { UpdateOrganisationUseCase } from './use-cases/update-organisation/update-organisation.use-case';

/** Party organisations on the bus. */
@Controller()
export class OrganisationsBusController {
  constructor(
    private readonly findPublicBranches: FindPublicBranchesUseCase,
    private readonly createOrganisation: CreateOrganisationUseCase,
    private readonly updateOrganisation: UpdateOrganisationUseCase,
    private readonly getOrganisation: GetOrganisationUseCase,
    private readonly listOrganisations: ListOrganisationsUseCase,
    private readonly appointOfficer: AppointOfficerUseCase,
    private readonly endOfficerTerm: EndOfficerTermUseCase,
    private readonly listOfficers: ListOfficersUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.createOrganisation.pattern)
  @Idempotent()
  create(@Payload() request: CreateOrganisationRequest, @BusCaller() caller: Caller) {
    return this.createOrganisation.execute(new CreateOrganisationCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.updateOrganisation.pattern)
  update(@Payload() { id, changes }: UpdateOrganisationRequest, @BusCaller() caller: Caller) {
    return this.updateOrganisation.execute(new UpdateOrganisationCommand(caller, id, changes));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getOrganisation.pattern)
  get(@Payload() { id }: OrganisationIdRequest, @BusCaller() caller: Caller) {
    return this.getOrganisation.execute(new GetOrganisationQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listOrganisations.pattern)
  list(@Payload() query: ListOrganisationsRequest, @BusCaller() caller: Caller) {
    return this.listOrganisations.execute(new ListOrganisationsQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.appointOfficer.pattern)
  @Idempotent()
  appoint(@Payload() { organisationId, ...officer }: AppointOfficerRequest, @BusCaller() caller: Caller) {
    return this.appointOfficer.execute(new AppointOfficerCommand(caller, organisationId, officer));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.endOfficerTerm.pattern)
  end(@Payload() { organisationId, officerId, endsOn }: EndOfficerTermRequest, @BusCaller() caller: Caller) {
    return this.endOfficerTerm.execute(new EndOfficerTermCommand(caller, organisationId, officerId, endsOn));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listOfficers.pattern)
  officers(@Payload() { id }: OrganisationIdRequest, @BusCaller() caller: Caller) {
    return this.listOfficers.execute(new ListOfficersQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.publicBranches.pattern)
  publicBranches(@Payload() { gridCodes }: PublicBranchesRequest, @BusCaller() caller: Caller) {
    return this.findPublicBranches.execute(new FindPublicBranchesQuery(caller, gridCodes));
  }
}
