import { Injectable } from '@nestjs/common';
import { chinaDay } from '@gridline/platform';
import { scopeCovers } from '@gridline/auth';
import type { AssignmentView, PersonView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';

import { personNotFound } from '../../people.errors';
import { toAssignmentView, toPersonView } from '../../people.mapper';
import { assertMaySeePerson } from '../../people-permissions';
import { PeopleRepository } from '../../people.repository';
import type { GetPersonQuery } from './get-person.query';

/**
 * A person with their assignments, for a caller whose scope covers one of the person's units. Only the
 * assignments within the caller's scope are listed: the rest of the person's work is not theirs to see.
 */
@Injectable()
export class GetPersonUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, id }: GetPersonQuery): Promise<PersonView & { assignments: AssignmentView[] }> {
    const person = await this.people.findPerson(id);
    if (!person) throw personNotFound(id);
    const assignments = await this.people.assignmentsOfPerson(id);
    const paths = new Map((await this.people.findUnits(assignments.map((a) => a.unitCode))).map((u) => [u.code, u.path]));
    const pathOf = (code: string) => paths.get(code) ?? [code];
    assertMaySeePerson(caller, id, assignments.map((a) => pathOf(a.unitCode)));

    const mask = (enc: string | null) => this.personalData.maskedPhone(enc);
    const today = chinaDay();
    return {
      ...toPersonView(person, mask),
      assignments: assignments.filter((a) => scopeCovers(caller, pathOf(a.unitCode))).map((a) => toAssignmentView(a, person, today, mask)),
    };
  }
}
