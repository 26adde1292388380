import { Injectable } from '@nestjs/common';
import type { BusinessView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';
import { BusinessEntity } from '../../register.entities';
import { toBusinessView } from '../../register.mapper';
import { assertMayRead } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { GetBusinessQuery } from './get-business.query';

/** A business as the caller may see it: in scope, else 404; the contact phone masked. */
@Injectable()
export class GetBusinessUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, id }: GetBusinessQuery): Promise<BusinessView> {
    const business = await this.registers.findOne(BusinessEntity, id);
    assertMayRead(caller, 'business', id, business);
    return toBusinessView(business, this.personalData);
  }
}
