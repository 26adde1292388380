import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { AppointOfficerBody, CreateOrganisationRequest, EndOfficerTermBody, ListOrganisationsQuery, OrganisationsClient, UpdateOrganisationBody } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** `:id/officers/:officerId`: an organisation and one of its officers' terms. */
class OfficerParam extends UuidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'officerId must be a UUID' })
  officerId!: string;
}

/** Party organisations mirroring the grid (一网格一支部): working committee, community committees, grid branches, groups. */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party/organisations`)
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsClient) {}

  @Post()
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Found an organisation on a unit of your scope, under its parent (one active branch per grid, committee per community)' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateOrganisationRequest) {
    return this.organisations.create(caller, body);
  }

  @Get()
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Organisations in your scope by unit, level and parent (paginated)' })
  @ApiOffsetPage('An organisation as GET /party/organisations/{id} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListOrganisationsQuery) {
    return this.organisations.list(caller, query);
  }

  @Get(':id')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'One organisation in your scope, with its current officers and who directs the community grid centre' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.organisations.get(caller, id);
  }

  @Patch(':id')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: 'Rename, dissolve (no active organisation beneath it) or restore an organisation' })
  update(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: UpdateOrganisationBody) {
    return this.organisations.update(caller, id, body);
  }

  @Post(':id/officers')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Appoint a party member secretary, deputy secretary or committee member for a term (one secretary at a time: 409 on overlap)' })
  appointOfficer(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: AppointOfficerBody) {
    return this.organisations.appointOfficer(caller, id, body);
  }

  @Get(':id/officers')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: "Every term of the organisation's officers, current and past (newest first)" })
  listOfficers(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.organisations.listOfficers(caller, id);
  }

  @Patch(':id/officers/:officerId')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: "End an officer's open term on its last day" })
  endOfficerTerm(@CurrentCaller() caller: Caller, @Param() { id, officerId }: OfficerParam, @Body() body: EndOfficerTermBody) {
    return this.organisations.endOfficerTerm(caller, id, officerId, body);
  }
}
