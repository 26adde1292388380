import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, RegistryErrorCode, boundaryProblem, type UnitView } from '@gridline/contracts-registry';
import { boundaryRefused, unitChanged, unitFieldError, unitNotFound } from '../../unit.errors';
import { UnitBoundaryRules } from '../../unit-boundary.rules';
import { setBoundary, toUnitSnapshot, toUnitView } from '../../unit.mapper';
import { assertMayEditMap } from '../../unit-permissions';
import { UnitRepository } from '../../unit.repository';
import type { UpdateUnitCommand } from './update-unit.command';

/** Changes a unit's name, kind, boundary or active flag; announces what changed. */
@Injectable()
export class UpdateUnitUseCase {
  constructor(
    private readonly units: UnitRepository,
    private readonly boundaries: UnitBoundaryRules,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, code, changes }: UpdateUnitCommand): Promise<UnitView> {
    try {
      return await this.transactions.run(async () => {
        const unit = await this.units.findByCode(code);
        if (!unit) throw unitNotFound(code);
        assertMayEditMap(caller, unit);

        const changed: string[] = [];
        if (changes.name !== undefined && changes.name.trim() !== unit.name) {
          unit.name = changes.name.trim();
          changed.push('name');
        }
        if (changes.kind !== undefined && changes.kind !== unit.kind) {
          if (unit.level !== 'exclusive_grid') throw unitFieldError(RegistryErrorCode.KindInvalid, 'kind', 'is only for exclusive grids');
          unit.kind = changes.kind;
          changed.push('kind');
        }
        if (changes.boundary !== undefined && JSON.stringify(changes.boundary) !== JSON.stringify(unit.boundary)) {
          const problem = boundaryProblem(changes.boundary, unit.level);
          if (problem) throw boundaryRefused(problem);
          setBoundary(unit, changes.boundary);
          changed.push('boundary');
        }
        if (changes.active !== undefined && changes.active !== unit.active) {
          unit.active = changes.active;
          changed.push('active');
        }
        await this.boundaries.assertFits(caller, unit, { boundary: changed.includes('boundary'), activated: changed.includes('active') && unit.active });
        if (changed.length > 0) {
          this.outbox.record(REGISTRY_EVENTS.unitUpdated, unit.code, { unit: toUnitSnapshot(unit), changed });
          await this.units.flush();
        }
        return toUnitView(unit);
      });
    } catch (error) {
      // The version column guards the row: another edit committed between our read and our write.
      if (error instanceof OptimisticLockError) throw unitChanged(code);
      throw error;
    }
  }
}
