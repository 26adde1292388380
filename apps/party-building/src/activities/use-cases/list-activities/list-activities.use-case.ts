import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { partyInvalid, type ActivityView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import type { ListActivitiesQuery } from './list-activities.query';

/** Activities of the caller's units by unit, organisation, kind and period (by start), soonest first. */
@Injectable()
export class ListActivitiesUseCase {
  constructor(private readonly activities: ActivityRepository) {}

  async execute({ caller, query }: ListActivitiesQuery): Promise<OffsetPage<ActivityView>> {
    requireRole(caller, PARTY_READERS, 'read party activities');
    if (query.from && query.to && new Date(query.to).getTime() <= new Date(query.from).getTime()) throw partyInvalid('to', 'must be after from');
    const page = await this.activities.page(PartyScope.units(caller), query);
    return { ...page, items: page.items.map(toActivityView) };
  }
}
