import { Module } from '@nestjs/common';
import { RegistrationsClient } from '@gridline/contracts-party-building';
import { PartyRegistrationsSubscriber } from './party-registrations.subscriber';
import { PeopleBusController } from './people.bus-controller';
import { PeopleRepository } from './people.repository';
import { AssignPersonUseCase } from './use-cases/assign-person/assign-person.use-case';
import { AssignRegisteredMemberUseCase } from './use-cases/assign-registered-member/assign-registered-member.use-case';
import { CreatePersonUseCase } from './use-cases/create-person/create-person.use-case';
import { EndAssignmentUseCase } from './use-cases/end-assignment/end-assignment.use-case';
import { EndRegisteredMemberUseCase } from './use-cases/end-registered-member/end-registered-member.use-case';
import { RecordAssignmentRefusalUseCase } from './use-cases/record-assignment-refusal/record-assignment-refusal.use-case';
import { UpdateAssignmentUseCase } from './use-cases/update-assignment/update-assignment.use-case';
import { GiveGridStaffSnapshotUseCase } from './use-cases/give-grid-staff-snapshot/give-grid-staff-snapshot.use-case';
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
    GiveGridStaffSnapshotUseCase,
    RegistrationsClient,
    AssignRegisteredMemberUseCase,
    EndRegisteredMemberUseCase,
    RecordAssignmentRefusalUseCase,
    PartyRegistrationsSubscriber,
  ],
})
export class PeopleModule {}
