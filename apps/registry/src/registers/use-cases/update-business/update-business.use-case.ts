import { Injectable } from '@nestjs/common';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { BusinessView } from '@gridline/contracts-registry';
import { BusinessEntity } from '../../register.entities';
import { toBusinessView } from '../../register.mapper';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { UpdateBusinessCommand } from './update-business.command';

@Injectable()
export class UpdateBusinessUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateBusinessCommand): Promise<BusinessView> {
    return this.transactions.run(async () => {
      const business = await this.registers.findOne(BusinessEntity, id);
      assertMayWrite(caller, 'business', id, business);
      if (changes.name !== undefined) business.name = changes.name;
      if (changes.contactName !== undefined) business.contactName = changes.contactName || null;
      if (changes.contactPhone !== undefined) {
        const phone = changes.contactPhone ? this.personalData.protectPhone(changes.contactPhone) : null;
        business.contactPhoneEnc = phone?.enc ?? null;
        business.contactPhoneIndex = phone?.index ?? null;
      }
      business.updatedAt = new Date();
      await this.registers.flush();
      return toBusinessView(business, this.personalData);
    });
  }
}
