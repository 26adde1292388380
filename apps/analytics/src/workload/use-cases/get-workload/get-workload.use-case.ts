import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, hasAnyRole, WORKLOAD_READERS } from '@gridline/auth';
import type { WorkloadView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { figuresPeriod } from '../../../figures/figures-period';
import { hotspotScope } from '../../../hotspots/hotspot-scope';
import { WorkloadRepository } from '../../workload.repository';
import { workloadTable } from '../../workload';
import type { GetWorkloadQuery } from './get-workload.query';

/**
 * What each person did beneath a unit in a period: cases reported and handled (on time), household visits, party
 * service hours. A figures reader sees everyone of the unit; grid staff only themselves.
 */
@Injectable()
export class GetWorkloadUseCase {
  constructor(
    private readonly workload: WorkloadRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: GetWorkloadQuery): Promise<WorkloadView> {
    const period = figuresPeriod({ from: query.from, to: query.to });
    const scope = await hotspotScope(caller, query.unit, this.units, 'read the staff workload', WORKLOAD_READERS);
    const self = !hasAnyRole(caller, FIGURES_READERS);
    const rows = await this.workload.workload(scope, period, self ? caller.sub : undefined);
    const names = await this.reference.names({ units: [scope.unit] });
    return { unit: scope.unit, unitName: names.unit(scope.unit), from: period.from, to: period.to, self, ...workloadTable(rows) };
  }
}
