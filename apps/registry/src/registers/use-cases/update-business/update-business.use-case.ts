import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { BusinessView, UpdateBusinessBody } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { BusinessEntity } from '../../register.entities';
import { toBusinessView } from '../../register.mapper';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';

@Injectable()
export class UpdateBusinessUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute(caller: Caller, id: string, changes: UpdateBusinessBody): Promise<BusinessView> {
    return this.registers.transactional(async (em) => {
      const business = await em.findOne(BusinessEntity, { id });
      assertMayWrite(caller, 'business', id, business);
      if (changes.name !== undefined) business.name = changes.name;
      if (changes.contactName !== undefined) business.contactName = changes.contactName || null;
      if (changes.contactPhone !== undefined) {
        const phone = changes.contactPhone ? this.personalData.protectPhone(changes.contactPhone) : null;
        business.contactPhoneEnc = phone?.enc ?? null;
        business.contactPhoneIndex = phone?.index ?? null;
      }
      business.updatedAt = new Date();
      await em.flush();
      return toBusinessView(business, this.personalData);
    });
  }
}
