import { Injectable } from '@nestjs/common';
import { requireProcess } from '@gridline/auth';
import { timeOrderedPage } from '@gridline/platform';
import { partyInvalid, type PartySnapshotItem, type PartySnapshotPage } from '@gridline/contracts-party-building';
import { PartySnapshotRepository } from '../../party-snapshot.repository';
import { toSnapshotItem } from '../../snapshot.mapper';
import type { GivePartySnapshotQuery } from './give-party-snapshot.query';

/**
 * Party building's snapshot (`party-building.figures.snapshot`): every organisation, member, in-service registration,
 * activity, check-in and service record — what analytics' party figures count — once, in the order of its creation
 * (a check-in: of its time), keyset-paged, each as its newest state in its events' payload, `at` its last change: for
 * analytics to fill its party projection with what the stream no longer holds (it keeps 30 days). Each of those
 * events carries the whole record (an activity's start besides where it stands), and the projection keeps the newest,
 * so one such event per record tells it all. Answered only to the analytics service acting for itself
 * (`svc:analytics`, which only its own key signs): no user, not even an admin, reads every record this way.
 */
@Injectable()
export class GivePartySnapshotUseCase {
  constructor(private readonly snapshot: PartySnapshotRepository) {}

  async execute({ caller, query }: GivePartySnapshotQuery): Promise<PartySnapshotPage> {
    requireProcess(caller, 'analytics', "read party building's snapshot");
    const page = await timeOrderedPage(query, partyInvalid, (after, fetch) => this.snapshot.inCreationOrder(after, fetch), (position) => position);
    const records = await this.snapshot.load(page.items);
    const items = page.items.map((position) => toSnapshotItem(position, records)).filter((item): item is PartySnapshotItem => item !== null);
    return { items, nextCursor: page.nextCursor };
  }
}
