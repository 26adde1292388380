import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, registerRoles, type Caller } from '@gridline/auth';
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
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UnitCodeParam } from '../units/unit-code.param';
import { RecordIdParam } from './record-id.param';

/**
 * The basic-information registers. Who may use each route is the access table of @gridline/auth
 * (REGISTER_ACCESS, docs/access.md), which the registry applies again; lists are cut to the caller's scope
 * by the registry; ID and phone numbers are masked in every answer except the audited reveal.
 */
@ApiTags('registers')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class RegistersController {
  constructor(private readonly registers: RegistryRegistersClient) {}

  @Get('buildings')
  @Roles(...registerRoles('building', 'read'))
  @ApiOperation({ summary: 'Buildings in your scope (q: address)' })
  @ApiOffsetPage('A building as GET /buildings/{id} answers it')
  buildings(@CurrentCaller() caller: Caller, @Query() query: RegisterListQuery) {
    return this.registers.listBuildings(caller, query);
  }

  @Delete('buildings/:id')
  @HttpCode(204)
  @Roles(...registerRoles('building', 'write'))
  @ApiOperation({ summary: 'Remove a building' })
  async deleteBuilding(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'building', id);
  }

  @Get('buildings/:id')
  @Roles(...registerRoles('building', 'read'))
  building(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getBuilding(caller, id);
  }

  @Post('buildings')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...registerRoles('building', 'write'))
  createBuilding(@CurrentCaller() caller: Caller, @Body() body: CreateBuildingRequest) {
    return this.registers.createBuilding(caller, body);
  }

  @Patch('buildings/:id')
  @Roles(...registerRoles('building', 'write'))
  updateBuilding(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateBuildingBody) {
    return this.registers.updateBuilding(caller, id, body);
  }

  @Get('households')
  @Roles(...registerRoles('household', 'read'))
  @ApiOperation({ summary: 'Households in your scope (q: address)' })
  @ApiOffsetPage('A household as GET /households/{id} answers it, without its members')
  households(@CurrentCaller() caller: Caller, @Query() query: RegisterListQuery) {
    return this.registers.listHouseholds(caller, query);
  }

  @Delete('households/:id')
  @HttpCode(204)
  @Roles(...registerRoles('household', 'write'))
  @ApiOperation({ summary: 'Remove a household' })
  async deleteHousehold(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'household', id);
  }

  @Get('households/:id')
  @Roles(...registerRoles('household', 'read'))
  @ApiOperation({ summary: 'A household, with its members (masked) for the roles that may read residents' })
  household(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getHousehold(caller, id);
  }

  @Post('households')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...registerRoles('household', 'write'))
  createHousehold(@CurrentCaller() caller: Caller, @Body() body: CreateHouseholdRequest) {
    return this.registers.createHousehold(caller, body);
  }

  @Patch('households/:id')
  @Roles(...registerRoles('household', 'write'))
  @ApiOperation({ summary: 'Name the head of a household' })
  updateHousehold(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateHouseholdBody) {
    return this.registers.updateHousehold(caller, id, body);
  }

  @Get('residents')
  @Roles(...registerRoles('resident', 'read'))
  @ApiOperation({ summary: 'Residents in your scope: q (name), exact idNumber or phone, tag, householdId' })
  @ApiOffsetPage('A resident as GET /residents/{id} answers it (personal data masked)')
  residents(@CurrentCaller() caller: Caller, @Query() query: ResidentSearchQuery) {
    return this.registers.searchResidents(caller, query);
  }

  @Delete('residents/:id')
  @HttpCode(204)
  @Roles(...registerRoles('resident', 'write'))
  @ApiOperation({ summary: 'Remove a resident' })
  async deleteResident(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'resident', id);
  }

  @Get('residents/:id')
  @Roles(...registerRoles('resident', 'read'))
  resident(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getResident(caller, id);
  }

  @Get('residents/:id/reveal')
  @Roles(...registerRoles('resident', 'reveal'))
  @ApiOperation({ summary: 'The clear ID and/or phone number, with a reason; written to the audit log' })
  reveal(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Query() query: RevealQuery) {
    return this.registers.revealResident(caller, id, query);
  }

  @Post('residents')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...registerRoles('resident', 'write'))
  @ApiOperation({ summary: 'Register a resident (a duplicate ID number answers 409, naming the existing residentId only when it is in your scope)' })
  createResident(@CurrentCaller() caller: Caller, @Body() body: CreateResidentRequest) {
    return this.registers.createResident(caller, body);
  }

  @Patch('residents/:id')
  @Roles(...registerRoles('resident', 'write'))
  updateResident(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateResidentBody) {
    return this.registers.updateResident(caller, id, body);
  }

  @Get('businesses')
  @Roles(...registerRoles('business', 'read'))
  @ApiOperation({ summary: 'Shops and enterprises in your scope (q: name)' })
  @ApiOffsetPage('A business as GET /businesses/{id} answers it')
  businesses(@CurrentCaller() caller: Caller, @Query() query: RegisterListQuery) {
    return this.registers.listBusinesses(caller, query);
  }

  @Delete('businesses/:id')
  @HttpCode(204)
  @Roles(...registerRoles('business', 'write'))
  @ApiOperation({ summary: 'Remove a business' })
  async deleteBusiness(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam): Promise<void> {
    await this.registers.deleteRecord(caller, 'business', id);
  }

  @Get('businesses/:id')
  @Roles(...registerRoles('business', 'read'))
  business(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam) {
    return this.registers.getBusiness(caller, id);
  }

  @Post('businesses')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...registerRoles('business', 'write'))
  createBusiness(@CurrentCaller() caller: Caller, @Body() body: CreateBusinessRequest) {
    return this.registers.createBusiness(caller, body);
  }

  @Patch('businesses/:id')
  @Roles(...registerRoles('business', 'write'))
  updateBusiness(@CurrentCaller() caller: Caller, @Param() { id }: RecordIdParam, @Body() body: UpdateBusinessBody) {
    return this.registers.updateBusiness(caller, id, body);
  }

  @Get('audit')
  @Roles(...registerRoles('resident', 'audit'))
  @ApiOperation({ summary: 'Unmasked reads of personal data: who, what, when, why (admins)' })
  @ApiOffsetPage('One unmasked read: who, what, when and why, never the value read')
  audit(@CurrentCaller() caller: Caller, @Query() query: AuditQuery) {
    return this.registers.listAudit(caller, query);
  }

  @Get('units/:code/quality')
  @ApiOperation({ summary: 'Collection quality of a grid, or of the grids beneath a unit' })
  quality(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam) {
    return this.registers.unitQuality(caller, code);
  }
}
