import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { chinaDay, type OffsetPage } from '@gridline/platform';
import type { TaskView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound } from '../../committee.errors';
import { toTaskView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import { TaskOwners } from '../../task-owners';
import type { ListTasksQuery } from './list-tasks.query';

/** A committee's tasks, soonest due first, by status and overdue; each flagged `overdue` when open past its due date. */
@Injectable()
export class ListTasksUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly owners: TaskOwners,
  ) {}

  async execute({ caller, query }: ListTasksQuery): Promise<OffsetPage<TaskView>> {
    requireRole(caller, PARTY_READERS, 'read work committees');
    const committee = await this.committees.findCommittee(query.committeeId);
    if (!committee || !PartyScope.reads(caller, committee.path)) throw committeeNotFound('committee', query.committeeId);
    const today = chinaDay();
    const page = await this.committees.pageTasks(committee.id, query, today);
    const names = await this.owners.names(page.items, await this.committees.memberUnits(committee.id));
    return { ...page, items: page.items.map((t) => toTaskView(t, names.get(t.ownerId) ?? null, today)) };
  }
}
