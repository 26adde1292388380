import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { RegistryErrorCode, type RegisterKind } from '@gridline/contracts-registry';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { DeleteRecordCommand } from './delete-record.command';

function stillUsed(kind: RegisterKind, what: string): AppError {
  return new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', `The ${kind} still has ${what}: move or remove them first`);
}

/** Removes a record; a building with households or a household with members is refused (409). */
@Injectable()
export class DeleteRecordUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, kind, id }: DeleteRecordCommand): Promise<{ deleted: true }> {
    return this.transactions.run(async () => {
      const record = await this.registers.findRecord(kind, id);
      assertMayWrite(caller, kind, id, record);
      if (kind === 'building' && (await this.registers.countHouseholdsIn(id)) > 0) throw stillUsed(kind, 'households');
      if (kind === 'household' && (await this.registers.countMembersOf(id)) > 0) throw stillUsed(kind, 'members');
      await this.registers.deleteRecord(kind, id);
      await this.quality.announce([record.gridCode]);
      await this.registers.flush();
      return { deleted: true as const };
    });
  }
}
