import { Injectable } from '@nestjs/common';
import { requireProcess } from '@gridline/auth';
import { MAX_PAGE_SIZE, cursorFetch, cursorPage, decodeCursor } from '@gridline/platform';
import type { GridStaffSnapshotPage } from '@gridline/contracts-registry';
import { PeopleRepository } from '../../people.repository';
import type { GiveGridStaffSnapshotQuery } from './give-grid-staff-snapshot.query';

/**
 * The grid staff (`registry.staff.snapshot`): every `grid_staff` assignment, past, current and planned, with its
 * person's name and login account — never a phone — keyset-paged by assignment id, or only the assignments of the
 * persons named. For analytics' copy of the registry, which names the staff in the workload (the assignment events
 * carry no name): answered only to the analytics service acting for itself (`svc:analytics`).
 */
@Injectable()
export class GiveGridStaffSnapshotUseCase {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ caller, query }: GiveGridStaffSnapshotQuery): Promise<GridStaffSnapshotPage> {
    requireProcess(caller, 'analytics', 'read the grid staff snapshot');
    const after = query.cursor ? decodeCursor(query.cursor).id : null;
    const { limit, fetch } = cursorFetch(query, MAX_PAGE_SIZE);
    const rows = await this.people.gridStaffAssignments(after, fetch, query.personIds);
    const page = cursorPage(rows, limit, ({ assignment }) => ({ k: null, id: assignment.id }));
    return {
      items: page.items.map(({ assignment: a, person }) => ({
        assignmentId: a.id,
        personId: person.id,
        name: person.name,
        account: person.account,
        unitCode: a.unitCode,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
