import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { RecordHouseholdVisitCommand } from './record-household-visit.command';

/**
 * Keeps the day a household was last visited, and announces the collection quality of its grid (its visited share
 * changed) in the same transaction — inside an event consumer's, a savepoint of it.
 */
@Injectable()
export class RecordHouseholdVisitUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ householdId, date }: RecordHouseholdVisitCommand): Promise<void> {
    await this.transactions.run(async () => {
      const gridCode = await this.registers.recordVisit(householdId, date);
      if (gridCode) await this.quality.announce([gridCode]);
    });
  }
}
