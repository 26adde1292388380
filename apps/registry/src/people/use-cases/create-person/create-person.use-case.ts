import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { PersonView } from '@gridline/contracts-registry';
import { personAccountTaken } from '../../people.errors';
import { toPersonView } from '../../people.mapper';
import { assertMayAddPeople } from '../../people-permissions';
import { PeopleRepository } from '../../people.repository';
import type { CreatePersonCommand } from './create-person.command';

/**
 * Adds a person who can then be assigned to units; the phone is stored encrypted and answered masked. A login account
 * given links the person to their token's subject, once per account (409 otherwise; the unique index decides a race).
 */
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
      if (input.account && (await this.people.findPersonByAccount(input.account))) throw personAccountTaken();
      const person = this.people.addPerson({ name: input.name.trim(), phoneEnc: phone?.enc ?? null, phoneIndex: phone?.index ?? null, account: input.account ?? null });
      await this.people.flush().catch((error: unknown) => {
        // The only unique index a new person can meet besides its fresh id.
        throw error instanceof UniqueConstraintViolationException && input.account ? personAccountTaken() : error;
      });
      return toPersonView(person, (enc) => this.personalData.maskedPhone(enc));
    });
  }
}
