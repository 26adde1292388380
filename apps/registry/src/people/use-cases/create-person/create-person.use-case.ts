import { Injectable } from '@nestjs/common';
import type { PersonView } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { PersonEntity } from '../../person.entity';
import { toPersonView } from '../../people.mapper';
import { assertMayAddPeople } from '../../people-permissions';
import { PeopleRepository } from '../../people.repository';
import type { CreatePersonCommand } from './create-person.command';

/** Adds a person who can then be assigned to units; the phone is stored encrypted and answered masked. */
@Injectable()
export class CreatePersonUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, person: input }: CreatePersonCommand): Promise<PersonView> {
    assertMayAddPeople(caller);
    const phone = input.phone ? this.personalData.protectPhone(input.phone) : null;
    return this.people.transactional(async (em) => {
      const person = em.create(PersonEntity, { name: input.name.trim(), phoneEnc: phone?.enc ?? null, phoneIndex: phone?.index ?? null });
      em.persist(person);
      await em.flush();
      return toPersonView(person, (enc) => this.personalData.maskedPhone(enc));
    });
  }
}
