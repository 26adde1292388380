import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRegisterAccess } from '@gridline/auth';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { parseResidentId, type ResidentView } from '@gridline/contracts-registry';
import { GridResolver } from '../../grid-resolver';
import { duplicateRecord, registerInvalid } from '../../register.errors';
import { HouseholdEntity } from '../../register.entities';
import { toResidentView } from '../../register.mapper';
import { assertMayWriteIn, inScope } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { RegisterResidentCommand } from './register-resident.command';

/** Registers a resident in a household or directly in a grid; sex and birth date come from the ID number. */
@Injectable()
export class RegisterResidentUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly personalData: PersonalDataService,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, resident: input }: RegisterResidentCommand): Promise<ResidentView> {
    let gridCode: string;
    let path: string[];
    requireRegisterAccess(caller, 'resident', 'write');
    if (input.householdId) {
      const household = await this.registers.findOne(HouseholdEntity, input.householdId);
      // A household outside the caller's scope is answered as one that does not exist: naming its grid would tell.
      if (!household || !inScope(caller, household)) throw registerInvalid('householdId', 'is not a household in your scope');
      if (input.gridCode && input.gridCode !== household.gridCode) throw registerInvalid('gridCode', "differs from the household's grid");
      ({ gridCode, path } = household);
    } else if (input.gridCode) {
      ({ code: gridCode, path } = await this.grids.resolve(input.gridCode));
    } else {
      throw registerInvalid('gridCode', 'or householdId is required');
    }
    assertMayWriteIn(caller, 'resident', { code: gridCode, path });

    const { birthDate, sex } = parseResidentId(input.idNumber);
    const id = this.personalData.protectIdNumber(input.idNumber);
    const existing = await this.registers.findResidentByIdIndex(id.index);
    if (existing) throw duplicateRecord('resident', existing, inScope(caller, existing));
    const phone = input.phone ? this.personalData.protectPhone(input.phone) : null;

    try {
      return await this.transactions.run(async () => {
        const resident = this.registers.addResident({
          id: randomUUID(),
          gridCode,
          path,
          householdId: input.householdId ?? null,
          name: input.name,
          idNumberEnc: id.enc,
          idNumberIndex: id.index,
          sex,
          birthDate,
          phoneEnc: phone?.enc ?? null,
          phoneIndex: phone?.index ?? null,
          tags: input.tags ?? [],
        });
        await this.registers.flush();
        await this.quality.announce([gridCode]);
        await this.registers.flush();
        return toResidentView(resident, this.personalData);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await this.registers.findResidentByIdIndex(id.index);
        if (winner) throw duplicateRecord('resident', winner, inScope(caller, winner));
      }
      throw error;
    }
  }
}
