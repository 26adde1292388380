import { Injectable } from '@nestjs/common';
import type { IncidentCounts } from '@gridline/contracts-incidents';
import { IncidentRepository, incidentFilters } from '../../incident.repository';
import type { CountIncidentsCommand } from './count-incidents.command';

/** The cases the caller may see, counted by status, with how many are overdue and supervised. */
@Injectable()
export class CountIncidentsUseCase {
  constructor(private readonly incidents: IncidentRepository) {}

  async execute({ caller, unit }: CountIncidentsCommand): Promise<IncidentCounts> {
    const rows = await this.incidents.countByStatus(incidentFilters(caller, { unit }));
    return {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      overdue: rows.reduce((n, r) => n + Number(r.overdue), 0),
      supervised: rows.reduce((n, r) => n + Number(r.supervised), 0),
    };
  }
}
