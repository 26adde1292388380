import { Injectable } from '@nestjs/common';
import { isUnrestricted } from '@gridline/auth';
import type { IncidentCounts, IncidentStatus } from '@gridline/contracts-incidents';
import { IncidentRepository, incidentFilters } from '../../incident.repository';
import type { CountIncidentsCommand } from './count-incidents.command';

type CountRow = { status: string; n: string; overdue: string; supervised: string };

/** Rows of (status, n, overdue, supervised) summed into the counts of one answer. */
function summed(rows: readonly CountRow[]): Omit<IncidentCounts, 'units'> {
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status as IncidentStatus, Number(r.n)])),
    overdue: rows.reduce((n, r) => n + Number(r.overdue), 0),
    supervised: rows.reduce((n, r) => n + Number(r.supervised), 0),
  };
}

/**
 * The cases the caller may see, counted by status, with how many are overdue and supervised; with `byUnit`, the same
 * per unit at or beneath the one asked (or the caller's units), in one statement.
 */
@Injectable()
export class CountIncidentsUseCase {
  constructor(private readonly incidents: IncidentRepository) {}

  async execute({ caller, unit, byUnit }: CountIncidentsCommand): Promise<IncidentCounts> {
    const filter = incidentFilters(caller, { unit });
    const total = summed(await this.incidents.countByStatus(filter));
    if (!byUnit) return total;
    // A department's scope is the cases it answers for, wherever they are: every unit of their paths.
    const from = unit ? [unit] : isUnrestricted(caller) || caller.roles.includes('department') ? [] : caller.units;
    const rows = await this.incidents.countByUnit(filter, from);
    const units = new Map<string, CountRow[]>();
    for (const row of rows) units.set(row.unit, [...(units.get(row.unit) ?? []), row]);
    return { ...total, units: [...units].map(([code, of]) => ({ unit: code, ...summed(of) })) };
  }
}
