import { Module } from '@nestjs/common';
import { PeopleBusController } from './people.bus-controller';
import { PeopleRepository } from './people.repository';
import { AssignPersonUseCase } from './use-cases/assign-person/assign-person.use-case';
import { CreatePersonUseCase } from './use-cases/create-person/create-person.use-case';
import { EndAssignmentUseCase } from './use-cases/end-assignment/end-assignment.use-case';
import { UpdateAssignmentUseCase } from './use-cases/update-assignment/update-assignment.use-case';
import { GetPersonUseCase } from './use-cases/get-person/get-person.use-case';
import { ListUnitPeopleUseCase } from './use-cases/list-unit-people/list-unit-people.use-case';
import { ReportCoverageUseCase } from './use-cases/report-coverage/report-coverage.use-case';

@Module({
  controllers: [PeopleBusController],
  providers: [
    PeopleRepository,
    CreatePersonUseCase,
    GetPersonUseCase,
    AssignPersonUseCase,
    EndAssignmentUseCase,
    UpdateAssignmentUseCase,
    ListUnitPeopleUseCase,
    ReportCoverageUseCase,
  ],
})
export class PeopleModule {}
