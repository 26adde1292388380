import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@gridline/auth';
import {
  AuditQuery,
  CreateBuildingRequest,
  CreateBusinessRequest,
  CreateHouseholdRequest,
  CreateResidentRequest,
  RegisterListQuery,
  RegistryRegistersClient,
  ResidentSearchQuery,
  RevealQuery,
  UpdateBuildingBody,
  UpdateBusinessBody,
  UpdateHouseholdBody,
  UpdateResidentBody,
} from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UnitCodeParam } from '../units/unit-code.param';
import { RecordIdParam } from './record-id.param';

const WRITERS = ['admin', 'street_admin', 'community_admin', 'grid_staff'] as const;

/**
 * The basic-information registers. Lists are cut to the caller's scope by the registry; ID and phone
 * numbers are masked in every answer except the audited reveal.
 */
@ApiTags('registers')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class RegistersController {
  constructor(private readonly registers: RegistryRegistersClient) {}

  @Get('buildings')
  @ApiOperation({ summary: 'Buildings in your scope (q: address)' })
  buildings(@CurrentCaller() caller: Caller, @Query() query: RegisterListQuery) {
    return this.registers.listBuildings(caller, query);
  }

  @Delete('buildings/:id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Remove a building' })
  async deleteBuilding(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'building', id);
  }

  @Get('buildings/:id')
  building(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getBuilding(caller, id);
  }

  @Post('buildings')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...WRITERS)
  createBuilding(@CurrentCaller() caller: Caller, @Body() body: CreateBuildingRequest) {
    return this.registers.createBuilding(caller, body);
  }

  @Patch('buildings/:id')
  @Roles(...WRITERS)
  updateBuilding(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateBuildingBody) {
    return this.registers.updateBuilding(caller, id, body);
  }

  @Get('households')
  @ApiOperation({ summary: 'Households in your scope (q: address)' })
  households(@CurrentCaller() caller: Caller, @Query() query: RegisterListQuery) {
    return this.registers.listHouseholds(caller, query);
  }

  @Delete('households/:id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Remove a household' })
  async deleteHousehold(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'household', id);
  }

  @Get('households/:id')
  @ApiOperation({ summary: 'A household with its members (masked)' })
  household(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getHousehold(caller, id);
  }

  @Post('households')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...WRITERS)
  createHousehold(@CurrentCaller() caller: Caller, @Body() body: CreateHouseholdRequest) {
    return this.registers.createHousehold(caller, body);
  }

  @Patch('households/:id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Name the head of a household' })
  updateHousehold(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateHouseholdBody) {
    return this.registers.updateHousehold(caller, id, body);
  }

  @Get('residents')
  @ApiOperation({ summary: 'Residents in your scope: q (name), exact idNumber or phone, tag, householdId' })
  residents(@CurrentCaller() caller: Caller, @Query() query: ResidentSearchQuery) {
    return this.registers.searchResidents(caller, query);
  }

  @Delete('residents/:id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Remove a resident' })
  async deleteResident(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'resident', id);
  }

  @Get('residents/:id')
  resident(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getResident(caller, id);
  }

  @Get('residents/:id/reveal')
  @Roles('admin', 'street_admin', 'community_admin', 'grid_staff', 'community_police')
  @ApiOperation({ summary: 'The clear ID and/or phone number, with a reason; written to the audit log' })
  reveal(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Query() query: RevealQuery) {
    return this.registers.revealResident(caller, id, query);
  }

  @Post('residents')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Register a resident (a duplicate ID number answers 409 with the existing residentId)' })
  createResident(@CurrentCaller() caller: Caller, @Body() body: CreateResidentRequest) {
    return this.registers.createResident(caller, body);
  }

  @Patch('residents/:id')
  @Roles(...WRITERS)
  updateResident(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateResidentBody) {
    return this.registers.updateResident(caller, id, body);
  }

  @Get('businesses')
  @ApiOperation({ summary: 'Shops and enterprises in your scope (q: name)' })
  businesses(@CurrentCaller() caller: Caller, @Query() query: RegisterListQuery) {
    return this.registers.listBusinesses(caller, query);
  }

  @Delete('businesses/:id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Remove a business' })
  async deleteBusiness(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'business', id);
  }

  @Get('businesses/:id')
  business(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getBusiness(caller, id);
  }

  @Post('businesses')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...WRITERS)
  createBusiness(@CurrentCaller() caller: Caller, @Body() body: CreateBusinessRequest) {
    return this.registers.createBusiness(caller, body);
  }

  @Patch('businesses/:id')
  @Roles(...WRITERS)
  updateBusiness(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateBusinessBody) {
    return this.registers.updateBusiness(caller, id, body);
  }

  @Get('audit')
  @Roles('admin')
  @ApiOperation({ summary: 'Unmasked reads of personal data: who, what, when, why (admins)' })
  audit(@CurrentCaller() caller: Caller, @Query() query: AuditQuery) {
    return this.registers.listAudit(caller, query);
  }

  @Get('units/:code/quality')
  @ApiOperation({ summary: 'Collection quality of a grid, or of the grids beneath a unit' })
  quality(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam) {
    return this.registers.unitQuality(caller, code);
  }
}
