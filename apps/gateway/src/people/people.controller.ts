import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PEOPLE_KEEPERS, Roles, type Caller } from '@gridline/auth';
import { AssignPersonBody, CreatePersonRequest, EndAssignmentBody, RegistryPeopleClient, UnitPeopleQuery, UpdateAssignmentBody } from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UnitCodeParam } from '../units/unit-code.param';
import { UuidParam } from './uuid.param';

@ApiTags('people')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class PeopleController {
  constructor(private readonly people: RegistryPeopleClient) {}

  @Post('people')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...PEOPLE_KEEPERS)
  @ApiOperation({ summary: 'Add a person who works in the grids; the phone is stored encrypted and answered masked' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreatePersonRequest) {
    return this.people.createPerson(caller, body);
  }

  @Get('people/:id')
  @ApiOperation({ summary: 'A person with their assignments within your scope (404, as for an unknown person, when none of their units is in your scope)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.people.getPerson(caller, id);
  }

  @Post('units/:code/assignments')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...PEOPLE_KEEPERS)
  @ApiOperation({ summary: 'Give a person a role on an active unit for a period (dates inclusive, China time); a person you may not see answers 404 unless they work nowhere yet' })
  assign(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam, @Body() body: AssignPersonBody) {
    return this.people.assignPerson(caller, code, body);
  }

  @Post('assignments/:id/end')
  @HttpCode(200)
  @Roles(...PEOPLE_KEEPERS)
  @ApiOperation({ summary: 'End an assignment: endsOn (default today) becomes its last day; 409 when it has already ended' })
  end(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: EndAssignmentBody) {
    return this.people.endAssignment(caller, id, body);
  }

  @Patch('assignments/:id')
  @Roles(...PEOPLE_KEEPERS)
  @ApiOperation({
    summary:
      "Change an assignment's published work phone (workPhone, or null to withdraw it): the public grid lookup shows the new number at once; 409 when the assignment has ended, 404 outside your scope",
  })
  update(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: UpdateAssignmentBody) {
    return this.people.updateAssignment(caller, id, body);
  }

  @Get('units/:code/people')
  @ApiOperation({ summary: 'The people assigned on a unit, active today unless includeInactive; by role' })
  unitPeople(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam, @Query() query: UnitPeopleQuery) {
    return this.people.unitPeople(caller, code, query);
  }

  @Get('units/:code/coverage')
  @ApiOperation({ summary: 'Active grids at or beneath a unit with no active grid staff, or missing any of the seven roles' })
  coverage(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam) {
    return this.people.coverage(caller, code);
  }
}
