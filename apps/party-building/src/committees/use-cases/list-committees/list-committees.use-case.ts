import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { chinaDay, type OffsetPage } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { CommitteeView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { NO_COUNTS, toCommitteeView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import type { ListCommitteesQuery } from './list-committees.query';

/** Committees in the caller's scope, by unit, with their counts (member units, meetings, open and overdue tasks). */
@Injectable()
export class ListCommitteesUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListCommitteesQuery): Promise<OffsetPage<CommitteeView>> {
    requireRole(caller, PARTY_READERS, 'read work committees');
    const page = await this.committees.pageCommittees(PartyScope.units(caller), query);
    const ids = page.items.map((c) => c.id);
    const [counts, grids] = await Promise.all([this.committees.counts(ids, chinaDay()), this.units.find({ unit: page.items.map((c) => c.gridCode) })]);
    return { ...page, items: page.items.map((c) => toCommitteeView(c, grids.get('unit', c.gridCode)?.name ?? null, counts.get(c.id) ?? NO_COUNTS)) };
  }
}
