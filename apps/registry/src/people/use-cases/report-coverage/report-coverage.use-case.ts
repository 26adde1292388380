import { Injectable } from '@nestjs/common';
import { chinaDay } from '@gridline/platform';
import { SEVEN_INTO_GRID_ROLES, type CoverageView, type GridRole } from '@gridline/contracts-registry';
import { unitNotFound } from '../../../unit/unit.errors';
import { assertMayRead } from '../../../unit/unit-permissions';

import { PeopleRepository } from '../../people.repository';
import type { ReportCoverageQuery } from './report-coverage.query';

/**
 * Which active grids at or beneath a unit lack people today: no active grid staff, or any of the seven
 * roles missing. A role held on a grid's community counts for each of its grids (community police and
 * two-committee members usually serve the whole community); grid staff can only be held on a grid.
 */
@Injectable()
export class ReportCoverageUseCase {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ caller, code }: ReportCoverageQuery): Promise<CoverageView> {
    const unit = await this.people.findUnit(code);
    if (!unit) throw unitNotFound(code);
    assertMayRead(caller, unit);
    const grids = await this.people.activeGridsAtOrBeneath(code);
    const codes = [...new Set(grids.flatMap((g) => g.path))];
    const active = await this.people.activeAssignmentsOn(codes, chinaDay());
    return coverageOf(code, grids, active);
  }
}

/** The coverage of the grids, given the active assignments on them and their ancestors. */
export function coverageOf(
  unitCode: string,
  grids: readonly { code: string; path: readonly string[] }[],
  active: readonly { unitCode: string; role: GridRole }[],
): CoverageView {
  const rolesOn = new Map<string, Set<GridRole>>();
  for (const a of active) rolesOn.set(a.unitCode, (rolesOn.get(a.unitCode) ?? new Set<GridRole>()).add(a.role));
  const view: CoverageView = { unitCode, grids: grids.length, gridsWithoutStaff: [], gridsMissingRoles: [] };
  for (const grid of [...grids].sort((a, b) => a.code.localeCompare(b.code))) {
    const held = new Set(grid.path.flatMap((code) => [...(rolesOn.get(code) ?? [])]));
    if (!rolesOn.get(grid.code)?.has('grid_staff')) view.gridsWithoutStaff.push(grid.code);
    const missing = SEVEN_INTO_GRID_ROLES.filter((role) => !held.has(role));
    if (missing.length > 0) view.gridsMissingRoles.push({ gridCode: grid.code, missing });
  }
  return view;
}
