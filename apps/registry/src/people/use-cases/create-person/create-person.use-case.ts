import { Injectable } from '@nestjs/common';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { PersonView } from '@gridline/contracts-registry';
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
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, person: input }: CreatePersonCommand): Promise<PersonView> {
    assertMayAddPeople(caller);
    const phone = input.phone ? this.personalData.protectPhone(input.phone) : null;
    return this.transactions.run(async () => {
      const person = this.people.addPerson({ name: input.name.trim(), phoneEnc: phone?.enc ?? null, phoneIndex: phone?.index ?? null });
      await this.people.flush();
      return toPersonView(person, (enc) => this.personalData.maskedPhone(enc));
    });
  }
}
