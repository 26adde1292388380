import type { FilterQuery } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { periodEnd, periodStart } from '@gridline/platform';
import { type PersonalDataCipher, WORK_ORDER_NUMBER, containsPattern } from '@gridline/persistence';
import type { ListAppealsQuery } from '@gridline/contracts-hotline';
import type { AppealEntity } from './appeal.entity';

/** The list's filters without its page: what the list, its keyset pages and an export's count all select by. */
export type AppealFilter = Omit<ListAppealsQuery, 'page' | 'pageSize'>;

/**
 * The conditions of the appeals list: the caller's scope (their units' appeals and those they lead) and the filters.
 * The one place they are written, for the list, its keyset pages and the count before an export.
 */
export function appealFilters(caller: Caller, query: AppealFilter, cipher: PersonalDataCipher): FilterQuery<AppealEntity>[] {
  const where: FilterQuery<AppealEntity>[] = [];
  if (!isUnrestricted(caller)) {
    where.push({ $or: [{ path: { $overlap: caller.units } }, { leadKey: { $in: caller.units } }] });
  }
  if (query.status) where.push({ status: query.status });
  if (query.q && WORK_ORDER_NUMBER.test(query.q)) where.push({ workOrder: query.q });
  else if (query.q) where.push({ $or: [{ content: { $like: containsPattern(query.q) } }, { address: { $like: containsPattern(query.q) } }] });
  if (query.phone) where.push({ callerPhoneIndex: cipher.blindIndex('phone', query.phone) });
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
  return where;
}

/** The conditions joined: `{}` for none. */
export function allOf(where: FilterQuery<AppealEntity>[]): FilterQuery<AppealEntity> {
  return where.length ? { $and: where } : {};
}
