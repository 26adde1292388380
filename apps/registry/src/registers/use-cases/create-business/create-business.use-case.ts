import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRegisterAccess } from '@gridline/auth';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { BusinessView } from '@gridline/contracts-registry';
import { GridResolver } from '../../grid-resolver';
import { toBusinessView } from '../../register.mapper';
import { assertMayWriteIn, inScope } from '../../register-permissions';
import { duplicateRecord } from '../../register.errors';
import { RegisterRepository } from '../../register.repository';
import type { CreateBusinessCommand } from './create-business.command';

/** Registers a shop or enterprise of a grid (typically an exclusive grid); one record per credit code. */
@Injectable()
export class CreateBusinessUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, business: input }: CreateBusinessCommand): Promise<BusinessView> {
    requireRegisterAccess(caller, 'business', 'write');
    const grid = await this.grids.resolve(input.gridCode);
    assertMayWriteIn(caller, 'business', grid);
    const existing = await this.registers.findBusinessByCreditCode(input.creditCode);
    if (existing) throw duplicateRecord('business', existing, inScope(caller, existing));
    const phone = input.contactPhone ? this.personalData.protectPhone(input.contactPhone) : null;
    try {
      return await this.transactions.run(async () => {
        const business = this.registers.addBusiness({
          id: randomUUID(),
          gridCode: grid.code,
          path: grid.path,
          name: input.name,
          creditCode: input.creditCode,
          contactName: input.contactName ?? null,
          contactPhoneEnc: phone?.enc ?? null,
          contactPhoneIndex: phone?.index ?? null,
        });
        await this.registers.flush();
        return toBusinessView(business, this.personalData);
      });
    } catch (error) {
      // Registered meanwhile by another request: the same 409 as when it existed before.
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await this.registers.findBusinessByCreditCode(input.creditCode);
        if (winner) throw duplicateRecord('business', winner, inScope(caller, winner));
      }
      throw error;
    }
  }
}
