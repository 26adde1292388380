import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  AssignPersonRequest,
  CoverageRequest,
  CreatePersonRequest,
  EndAssignmentRequest,
  GridStaffSnapshotQuery,
  PersonIdRequest,
  REGISTRY_REQUESTS,
  UnitPeopleRequest,
  UpdateAssignmentRequest,
} from '@gridline/contracts-registry';
import { AssignPersonCommand } from './use-cases/assign-person/assign-person.command';
import { AssignPersonUseCase } from './use-cases/assign-person/assign-person.use-case';
import { CreatePersonCommand } from './use-cases/create-person/create-person.command';
import { CreatePersonUseCase } from './use-cases/create-person/create-person.use-case';
import { EndAssignmentCommand } from './use-cases/end-assignment/end-assignment.command';
import { EndAssignmentUseCase } from './use-cases/end-assignment/end-assignment.use-case';
import { UpdateAssignmentCommand } from './use-cases/update-assignment/update-assignment.command';
import { UpdateAssignmentUseCase } from './use-cases/update-assignment/update-assignment.use-case';
import { GiveGridStaffSnapshotQuery } from './use-cases/give-grid-staff-snapshot/give-grid-staff-snapshot.query';
import { GiveGridStaffSnapshotUseCase } from './use-cases/give-grid-staff-snapshot/give-grid-staff-snapshot.use-case';
import { GetPersonQuery } from './use-cases/get-person/get-person.query';
import { GetPersonUseCase } from './use-cases/get-person/get-person.use-case';
import { ListUnitPeopleQuery } from './use-cases/list-unit-people/list-unit-people.query';
import { ListUnitPeopleUseCase } from './use-cases/list-unit-people/list-unit-people.use-case';
import { ReportCoverageQuery } from './use-cases/report-coverage/report-coverage.query';
import { ReportCoverageUseCase } from './use-cases/report-coverage/report-coverage.use-case';

/** People, their assignments on units and the coverage report on the bus: input to command, then the use case. */
@Controller()
export class PeopleBusController {
  constructor(
    private readonly createPerson: CreatePersonUseCase,
    private readonly getPerson: GetPersonUseCase,
    private readonly assignPerson: AssignPersonUseCase,
    private readonly endAssignment: EndAssignmentUseCase,
    private readonly updateAssignment: UpdateAssignmentUseCase,
    private readonly listUnitPeople: ListUnitPeopleUseCase,
    private readonly reportCoverage: ReportCoverageUseCase,
    private readonly staffSnapshot: GiveGridStaffSnapshotUseCase,
  ) {}

  @MessagePattern(REGISTRY_REQUESTS.createPerson.pattern)
  @Idempotent()
  create(@Payload() request: CreatePersonRequest, @BusCaller() caller: Caller) {
    return this.createPerson.execute(new CreatePersonCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.getPerson.pattern)
  get(@Payload() request: PersonIdRequest, @BusCaller() caller: Caller) {
    return this.getPerson.execute(new GetPersonQuery(caller, request.id));
  }

  @MessagePattern(REGISTRY_REQUESTS.assignPerson.pattern)
  @Idempotent()
  assign(@Payload() request: AssignPersonRequest, @BusCaller() caller: Caller) {
    const { unitCode, ...assignment } = request;
    return this.assignPerson.execute(new AssignPersonCommand(caller, unitCode, assignment));
  }

  @MessagePattern(REGISTRY_REQUESTS.endAssignment.pattern)
  end(@Payload() request: EndAssignmentRequest, @BusCaller() caller: Caller) {
    return this.endAssignment.execute(new EndAssignmentCommand(caller, request.assignmentId, request.endsOn));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateAssignment.pattern)
  update(@Payload() request: UpdateAssignmentRequest, @BusCaller() caller: Caller) {
    const { assignmentId, ...changes } = request;
    return this.updateAssignment.execute(new UpdateAssignmentCommand(caller, assignmentId, changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.unitPeople.pattern)
  unitPeople(@Payload() request: UnitPeopleRequest, @BusCaller() caller: Caller) {
    return this.listUnitPeople.execute(new ListUnitPeopleQuery(caller, request.code, request.role, request.includeInactive === true));
  }

  @MessagePattern(REGISTRY_REQUESTS.coverage.pattern)
  coverage(@Payload() request: CoverageRequest, @BusCaller() caller: Caller) {
    return this.reportCoverage.execute(new ReportCoverageQuery(caller, request.code));
  }

  @MessagePattern(REGISTRY_REQUESTS.staffSnapshot.pattern)
  snapshot(@Payload() query: GridStaffSnapshotQuery, @BusCaller() caller: Caller) {
    return this.staffSnapshot.execute(new GiveGridStaffSnapshotQuery(caller, query));
  }
}
