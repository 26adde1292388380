import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { isUnrestricted } from '@gridline/auth';
import { mapItems, periodEnd, periodStart, type OffsetPage } from '@gridline/platform';
import { PersonalDataCipher, WORK_ORDER_NUMBER, containsPattern } from '@gridline/persistence';
import type { AppealView } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { AppealEntity } from '../../appeal.entity';
import { namesOf, toAppealView } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { ListAppealsQuery } from './list-appeals.query';

/** The appeals the caller may see, searched and filtered, newest first, a page at a time. */
@Injectable()
export class ListAppealsUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly copy: ReferenceRepository,
  ) {}

  async execute({ caller, filter: query }: ListAppealsQuery): Promise<OffsetPage<AppealView>> {
    const where: FilterQuery<AppealEntity>[] = [];
    if (!isUnrestricted(caller)) {
      where.push({ $or: [{ path: { $overlap: caller.units } }, { leadKey: { $in: caller.units } }] });
    }
    if (query.status) where.push({ status: query.status });
    if (query.q && WORK_ORDER_NUMBER.test(query.q)) where.push({ workOrder: query.q });
    else if (query.q) where.push({ $or: [{ content: { $like: containsPattern(query.q) } }, { address: { $like: containsPattern(query.q) } }] });
    if (query.phone) where.push({ callerPhoneIndex: this.cipher.blindIndex('phone', query.phone) });
    if (query.overdue) {
      const now = new Date();
      where.push({ status: { $nin: ['closed', 'merged'] } });
      where.push({
        $or: [
          { dispatchedAt: null, dispatchDueAt: { $lt: now } },
          { dispatchedAt: { $ne: null }, signedAt: null, signDueAt: { $lt: now } },
          { answeredAt: null, answerDueAt: { $lt: now } },
        ],
      });
    }
    // The deciding operators' queue: an extension asked for and not decided yet (a return or an answer clears it).
    if (query.pendingExtension !== undefined) where.push({ extension: query.pendingExtension ? { $ne: null } : null });
    // The dispatcher's work queue: returns and objections waiting for a decision.
    if (query.pendingReturn) where.push({ review: { status: 'pending', kind: 'return' } });
    if (query.pendingObjection) where.push({ review: { status: 'pending', kind: 'objection' } });
    if (query.owner) where.push({ leadKey: query.owner });
    if (query.from) where.push({ receivedAt: { $gte: periodStart(query.from) } });
    if (query.to) where.push({ receivedAt: { $lt: periodEnd(query.to) } });
    const page = await this.appeals.page(where.length ? { $and: where } : {}, query);
    const names = await this.copy.names(namesOf(page.items));
    return mapItems(page, (a) => toAppealView(a, caller, this.cipher, names));
  }
}
