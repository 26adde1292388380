import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SYSTEM_CALLER, requireRole, scopeCovers } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { RegistryRegistersClient } from '@gridline/contracts-registry';
import { IncidentErrorCode, type VisitView } from '@gridline/contracts-incidents';
import { incidentInvalid } from '../../../incident/incident.errors';
import { ReferenceRepository } from '@gridline/registry-reference';
import { assertNotInFuture } from '../../china-day';
import { toVisitView } from '../../visit.mapper';
import { VisitRepository } from '../../visit.repository';
import { VISIT_WRITERS } from '../../visit-rules';
import type { LogVisitCommand } from './log-visit.command';

/**
 * Logs a household visit in a grid of the caller's scope, and announces it (`visit.logged`, ids only) in the
 * same transaction: the registry counts visited households from it.
 */
@Injectable()
export class LogVisitUseCase {
  constructor(
    private readonly visits: VisitRepository,
    private readonly reference: ReferenceRepository,
    private readonly registers: RegistryRegistersClient,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, visit: input }: LogVisitCommand): Promise<VisitView> {
    requireRole(caller, VISIT_WRITERS, 'log household visits');
    assertNotInFuture('date', input.date);
    const grid = await this.reference.unit(input.gridCode);
    if (!grid || (grid.level !== 'grid' && grid.level !== 'exclusive_grid') || !grid.active) {
      throw incidentInvalid('gridCode', `${input.gridCode} is not an active grid`);
    }
    if (!scopeCovers(caller, grid.path)) {
      throw new AppError(IncidentErrorCode.OutOfScope, 'forbidden', `Grid ${grid.code} is outside your scope`, { gridCode: grid.code });
    }
    await this.assertHouseholdOfGrid(caller, input.householdId, grid.code);

    return this.transactions.run(async () => {
      const visit = this.visits.add({
        id: randomUUID(),
        householdId: input.householdId,
        gridCode: grid.code,
        path: grid.path,
        date: input.date,
        notes: input.notes ?? '',
        tags: [...new Set(input.tags ?? [])],
        visitor: caller.sub,
      });
      await this.visits.save();
      return toVisitView(visit);
    });
  }

  /**
   * The household must be one of the registry's, in the caller's scope and in that grid. The registry is asked by this
   * service for itself (it acts for no user it did not authenticate); the scope is checked here, on the reference copy
   * of the map, and a household outside the scope answers as an unknown one.
   */
  private async assertHouseholdOfGrid(caller: LogVisitCommand['caller'], householdId: string, gridCode: string): Promise<void> {
    const notInScope = () => incidentInvalid('householdId', "is not a household of the registry's in your scope");
    let householdGrid: string;
    try {
      // The answer carries the members; only the grid is kept.
      householdGrid = (await this.registers.getHousehold(SYSTEM_CALLER, householdId)).gridCode;
    } catch (error) {
      if (error instanceof AppError && error.kind === 'not_found') throw notInScope();
      throw error;
    }
    if (householdGrid === gridCode) return;
    const unit = await this.reference.unit(householdGrid);
    if (!unit || !scopeCovers(caller, unit.path)) throw notInScope();
    throw incidentInvalid('gridCode', `is not the grid of household ${householdId}`);
  }
}
