import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, hasAnyRole, WORKLOAD_READERS } from '@gridline/auth';
import type { WorkloadView } from '@gridline/contracts-analytics';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { figuresPeriod } from '../../../figures/figures-period';
import { hotspotScope } from '../../../hotspots/hotspot-scope';
import { WorkloadRepository } from '../../workload.repository';
import { workloadTable } from '../../workload';
import type { GetWorkloadQuery } from './get-workload.query';

/**
 * What each grid staff member of a unit's grids did beneath the unit in a period: cases reported and handled (on
 * time), household visits, party service hours — a row per staff member of the registry copy's `grid_staff`
 * assignments in the period, named, zeros included, counted by their login subject. A figures reader sees every
 * staff member of the unit; grid staff only themselves (the staff member whose login they are).
 */
@Injectable()
export class GetWorkloadUseCase {
  constructor(
    private readonly workload: WorkloadRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
    private readonly registry: RegistryReference,
  ) {}

  async execute({ caller, query }: GetWorkloadQuery): Promise<WorkloadView> {
    const period = figuresPeriod({ from: query.from, to: query.to });
    const scope = await hotspotScope(caller, query.unit, this.units, 'read the staff workload', WORKLOAD_READERS);
    const self = !hasAnyRole(caller, FIGURES_READERS);
    const staff = (await this.registry.gridStaff(scope.unit, period.from, period.to)).filter((s) => !self || s.account === caller.sub);
    const rows = staff.length === 0 ? [] : await this.workload.workload(scope, period, self ? caller.sub : undefined);
    const names = await this.reference.names({ units: [scope.unit, ...staff.map((s) => s.unitCode)] });
    return { unit: scope.unit, unitName: names.unit(scope.unit), from: period.from, to: period.to, self, ...workloadTable(staff, rows, names) };
  }
}
