import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type BusinessView, type CreateBusinessRequest } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { GridResolver } from '../../grid-resolver';
import { BusinessEntity } from '../../register.entities';
import { toBusinessView } from '../../register.mapper';
import { assertMayWriteIn } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';

/** Registers a shop or enterprise of a grid (typically an exclusive grid); one record per credit code. */
@Injectable()
export class CreateBusinessUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute(caller: Caller, input: CreateBusinessRequest): Promise<BusinessView> {
    const grid = await this.grids.resolve(input.gridCode);
    assertMayWriteIn(caller, grid);
    const existing = await this.registers.findBusinessByCreditCode(input.creditCode);
    if (existing) {
      throw new AppError(RegistryErrorCode.BusinessDuplicate, 'conflict', 'A business with this credit code is already registered', { businessId: existing.id });
    }
    const phone = input.contactPhone ? this.personalData.protectPhone(input.contactPhone) : null;
    return this.registers.transactional(async (em) => {
      const business = em.create(BusinessEntity, {
        id: randomUUID(),
        gridCode: grid.code,
        path: grid.path,
        name: input.name,
        creditCode: input.creditCode,
        contactName: input.contactName ?? null,
        contactPhoneEnc: phone?.enc ?? null,
        contactPhoneIndex: phone?.index ?? null,
      });
      em.persist(business);
      await em.flush();
      return toBusinessView(business, this.personalData);
    });
  }
}
