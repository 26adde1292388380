import { Injectable } from '@nestjs/common';
import { chinaDay } from '@gridline/platform';
import type { AssignmentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';
import { unitNotFound } from '../../../unit/unit.errors';
import { assertMayRead } from '../../../unit/unit-permissions';

import { byRoleThenStart, toAssignmentView } from '../../people.mapper';
import { PeopleRepository } from '../../people.repository';
import type { ListUnitPeopleQuery } from './list-unit-people.query';

/** The people assigned on one unit (not beneath it): active today unless asked for all, by role. */
@Injectable()
export class ListUnitPeopleUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, code, role, includeInactive }: ListUnitPeopleQuery): Promise<AssignmentView[]> {
    const unit = await this.people.findUnit(code);
    if (!unit) throw unitNotFound(code);
    assertMayRead(caller, unit);
    const today = chinaDay();
    const assignments = await this.people.assignmentsOnUnit(code, { role, activeOn: includeInactive ? undefined : today });
    const persons = new Map((await this.people.findPersons(assignments.map((a) => a.personId))).map((p) => [p.id, p]));
    const mask = (enc: string | null) => this.personalData.maskedPhone(enc);
    return assignments
      .flatMap((a) => {
        const person = persons.get(a.personId);
        return person ? [toAssignmentView(a, person, today, mask)] : [];
      })
      .sort(byRoleThenStart);
  }
}
