import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import type { VisitView } from '@gridline/contracts-incidents';
import { incidentInvalid } from '../../../incident/incident.errors';
import { toVisitView } from '../../visit.mapper';
import { VisitRepository } from '../../visit.repository';
import { VISIT_READERS } from '../../visit-rules';
import type { ListVisitsCommand } from './list-visits.command';

/** Visits in the caller's scope, by unit, household and period, newest first. */
@Injectable()
export class ListVisitsUseCase {
  constructor(private readonly visits: VisitRepository) {}

  async execute({ caller, query }: ListVisitsCommand): Promise<OffsetPage<VisitView>> {
    requireRole(caller, VISIT_READERS, 'read visit logs');
    if (query.from && query.to && query.from > query.to) throw incidentInvalid('to', 'must not be before from');
    const page = await this.visits.page(caller, query);
    return { ...page, items: page.items.map(toVisitView) };
  }
}
