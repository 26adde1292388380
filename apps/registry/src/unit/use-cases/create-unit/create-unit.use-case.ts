import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import {
  ALLOWED_PARENT_LEVELS,
  REGISTRY_EVENTS,
  RegistryErrorCode,
  UNIT_CODE_LENGTH,
  boundaryProblem,
  type UnitView,
} from '@gridline/contracts-registry';
import { boundaryRefused, unitFieldError } from '../../unit.errors';
import { UnitBoundaryRules } from '../../unit-boundary.rules';
import { setBoundary, toUnitSnapshot, toUnitView } from '../../unit.mapper';
import { assertMayEditMap } from '../../unit-permissions';
import { UnitRepository } from '../../unit.repository';
import type { CreateUnitCommand } from './create-unit.command';

/** Adds a unit to the grid map, checking the map's rules (codes, parents, boundaries), and announces it. */
@Injectable()
export class CreateUnitUseCase {
  constructor(
    private readonly units: UnitRepository,
    private readonly boundaries: UnitBoundaryRules,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, unit: input }: CreateUnitCommand): Promise<UnitView> {
    const allowedParents = ALLOWED_PARENT_LEVELS[input.level];
    if (input.code.length !== UNIT_CODE_LENGTH[input.level]) {
      throw unitFieldError(RegistryErrorCode.CodeInvalid, 'code', `must have ${UNIT_CODE_LENGTH[input.level]} digits for a ${input.level}`);
    }
    if (input.level === 'exclusive_grid' && !input.kind) {
      throw unitFieldError(RegistryErrorCode.KindInvalid, 'kind', 'is required for an exclusive grid');
    }
    if (input.level !== 'exclusive_grid' && input.kind) {
      throw unitFieldError(RegistryErrorCode.KindInvalid, 'kind', 'is only for exclusive grids');
    }
    if (input.boundary !== undefined) {
      const problem = boundaryProblem(input.boundary, input.level);
      if (problem) throw boundaryRefused(problem);
    } else if (input.level === 'grid' || input.level === 'exclusive_grid') {
      throw unitFieldError(RegistryErrorCode.BoundaryRequired, 'boundary', `is required for a ${input.level}`);
    }

    // The parent and the code itself, in one look-up.
    const known = await this.units.findByCodes(input.parentCode ? [input.parentCode, input.code] : [input.code]);
    let path: string[];
    if (allowedParents === null) {
      if (input.parentCode) throw unitFieldError(RegistryErrorCode.ParentInvalid, 'parentCode', 'must be empty for a street');
      assertMayEditMap(caller, null);
      path = [input.code];
    } else {
      if (!input.parentCode) throw unitFieldError(RegistryErrorCode.ParentInvalid, 'parentCode', `is required for a ${input.level}`);
      const parent = known.find((unit) => unit.code === input.parentCode);
      if (!parent) throw unitFieldError(RegistryErrorCode.ParentNotFound, 'parentCode', `${input.parentCode} does not exist`);
      assertMayEditMap(caller, parent);
      if (!allowedParents.includes(parent.level)) {
        throw unitFieldError(
          RegistryErrorCode.ParentInvalid,
          'parentCode',
          `is a ${parent.level}; a ${input.level}'s parent must be a ${allowedParents.join(' or a ')}`,
        );
      }
      if (!input.code.startsWith(parent.code)) {
        throw unitFieldError(RegistryErrorCode.CodeInvalid, 'code', `must start with its parent's code ${parent.code}`);
      }
      path = [...parent.path, input.code];
    }

    if (known.some((unit) => unit.code === input.code)) throw codeTaken(input.code);

    const unit = this.units.create({
      code: input.code,
      name: input.name.trim(),
      level: input.level,
      kind: input.kind ?? null,
      parentCode: input.parentCode ?? null,
      path,
      active: input.active ?? true,
    });
    setBoundary(unit, input.boundary ?? null);
    const created = this.outbox.row(REGISTRY_EVENTS.unitCreated, unit.code, { unit: toUnitSnapshot(unit) });
    const store = async () => {
      await this.boundaries.assertFits(caller, unit, { boundary: true, activated: true });
      await this.units.insert(unit, [created]);
    };
    try {
      // The unit and its event are one statement. A boundary is checked against the map under the map's lock, in a
      // transaction with that statement; a unit without one reads nothing, and its statement is atomic alone.
      await (unit.boundary ? this.transactions.run(store) : store());
      return toUnitView(unit);
    } catch (error) {
      // Two creators raced past the look-up above: the primary key decides.
      if (error instanceof UniqueConstraintViolationException) throw codeTaken(input.code);
      throw error;
    }
  }
}

function codeTaken(code: string): AppError {
  return new AppError(RegistryErrorCode.UnitCodeTaken, 'conflict', `A unit with code ${code} already exists`, { code });
}
