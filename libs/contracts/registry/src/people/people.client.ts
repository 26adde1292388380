import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { REGISTRY_REQUESTS } from '../registry.requests';
import type { AssignPersonBody, CreatePersonRequest, EndAssignmentBody, UnitPeopleQuery, UpdateAssignmentBody } from './people.dto';
import type { AssignmentView, CoverageView, PersonView } from './people.types';

/** The registry's people, assignments and coverage report, typed, for any other service or the gateway. */
@Injectable()
export class RegistryPeopleClient {
  constructor(private readonly bus: BusRequester) {}

  createPerson(caller: Caller, request: CreatePersonRequest): Promise<PersonView> {
    return this.bus.request(REGISTRY_REQUESTS.createPerson, request, { caller });
  }

  getPerson(caller: Caller, id: string): Promise<PersonView & { assignments: AssignmentView[] }> {
    return this.bus.request(REGISTRY_REQUESTS.getPerson, { id }, { caller });
  }

  assignPerson(caller: Caller, unitCode: string, body: AssignPersonBody): Promise<AssignmentView> {
    return this.bus.request(REGISTRY_REQUESTS.assignPerson, { ...body, unitCode }, { caller });
  }

  endAssignment(caller: Caller, assignmentId: string, body: EndAssignmentBody = {}): Promise<AssignmentView> {
    return this.bus.request(REGISTRY_REQUESTS.endAssignment, { ...body, assignmentId }, { caller });
  }

  updateAssignment(caller: Caller, assignmentId: string, body: UpdateAssignmentBody): Promise<AssignmentView> {
    return this.bus.request(REGISTRY_REQUESTS.updateAssignment, { ...body, assignmentId }, { caller });
  }

  unitPeople(caller: Caller, code: string, query: UnitPeopleQuery = {}): Promise<AssignmentView[]> {
    return this.bus.request(REGISTRY_REQUESTS.unitPeople, { ...query, code }, { caller });
  }

  coverage(caller: Caller, code: string): Promise<CoverageView> {
    return this.bus.request(REGISTRY_REQUESTS.coverage, { code }, { caller });
  }
}
