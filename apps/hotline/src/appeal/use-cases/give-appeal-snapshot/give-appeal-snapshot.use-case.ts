import { Injectable } from '@nestjs/common';
import { requireProcess } from '@gridline/auth';
import { timeOrderedPage } from '@gridline/platform';
import type { AppealSnapshotPage } from '@gridline/contracts-hotline';
import { appealInvalid } from '../../appeal.errors';
import { toAppealEventData } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { GiveAppealSnapshotQuery } from './give-appeal-snapshot.query';

/**
 * The appeals' snapshot (`hotline.appeal.snapshot`): every appeal, in the order of its reception, once, as its newest
 * state in the appeal events' payload (`toAppealEventData`: no caller name or phone), its `at` and `actor` those of
 * its last change (its newest timeline entry), keyset-paged — for analytics to fill its appeal projection with what
 * the stream no longer holds (it keeps 30 days). Every appeal event carries the whole appeal and the projection keeps
 * the newest, so one such event per appeal tells it all. Answered only to the analytics service acting for itself
 * (`svc:analytics`, which only its own key signs): no user, not even an admin, reads every appeal this way.
 */
@Injectable()
export class GiveAppealSnapshotUseCase {
  constructor(private readonly appeals: AppealRepository) {}

  async execute({ caller, query }: GiveAppealSnapshotQuery): Promise<AppealSnapshotPage> {
    requireProcess(caller, 'analytics', "read the appeals' snapshot");
    const page = await timeOrderedPage(
      query,
      appealInvalid,
      (after, fetch) => this.appeals.inReceptionOrder(after && { receivedAt: after.at, id: after.id }, fetch),
      (a) => ({ at: a.receivedAt, id: a.id }),
    );
    const changes = await this.appeals.lastChanges(page.items.map((a) => a.id));
    const items = page.items.map((a) => {
      const last = changes.get(a.id);
      return toAppealEventData(a, last?.actor ?? a.operator, {}, last?.at ?? a.updatedAt);
    });
    return { items, nextCursor: page.nextCursor };
  }
}
