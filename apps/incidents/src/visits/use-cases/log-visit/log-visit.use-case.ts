import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireRole, scopeCovers } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { EventPublisher } from '@gridline/messaging';
import { RegistryRegistersClient } from '@gridline/contracts-registry';
import { INCIDENTS_EVENTS, IncidentErrorCode, type VisitView } from '@gridline/contracts-incidents';
import { incidentInvalid } from '../../../incident/incident.errors';
import { ReferenceRepository } from '../../../reference/reference.repository';
import { assertNotInFuture } from '../../china-day';
import { VisitEntity } from '../../visit.entity';
import { toVisitLoggedData, toVisitView } from '../../visit.mapper';
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
    private readonly events: EventPublisher,
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

    return this.visits.transactional(async (em) => {
      const visit = em.create(VisitEntity, {
        id: randomUUID(),
        householdId: input.householdId,
        gridCode: grid.code,
        path: grid.path,
        date: input.date,
        notes: input.notes ?? '',
        tags: [...new Set(input.tags ?? [])],
        visitor: caller.sub,
      });
      em.persist(visit);
      this.events.record(em, INCIDENTS_EVENTS.visitLogged, visit.id, toVisitLoggedData(visit));
      await em.flush();
      return toVisitView(visit);
    });
  }

  /** The household must be one of the registry's, in the caller's scope (asked as the caller) and in that grid. */
  private async assertHouseholdOfGrid(caller: LogVisitCommand['caller'], householdId: string, gridCode: string): Promise<void> {
    let householdGrid: string;
    try {
      // The answer carries the members; only the grid is kept.
      householdGrid = (await this.registers.getHousehold(caller, householdId)).gridCode;
    } catch (error) {
      if (error instanceof AppError && (error.kind === 'not_found' || error.code === CommonErrorCode.Forbidden)) {
        throw incidentInvalid('householdId', "is not a household of the registry's in your scope");
      }
      throw error;
    }
    if (householdGrid !== gridCode) throw incidentInvalid('gridCode', `is not the grid of household ${householdId}`);
  }
}
