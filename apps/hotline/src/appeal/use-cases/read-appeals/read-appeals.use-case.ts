import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { isUnrestricted, requireRole, type Caller } from '@gridline/auth';
import { AppError, periodEnd, periodStart } from '@gridline/platform';
import { PersonalDataCipher, WORK_ORDER_NUMBER, containsPattern } from '@gridline/persistence';
import { AppealErrorCode, type AppealTimelineEntry, type AppealView, type FiguresQuery, type ListAppealsQuery, type OwnerFigures } from '@gridline/contracts-hotline';
import { ReferenceNames } from '../../../reference/reference-names';
import { AppealEntity, AppealTimelineEntity } from '../../appeal.entity';
import { namesOf, toAppealView, toTimelineEntry } from '../../appeal.mapper';
import { mayView } from '../../appeal-process';

/** Appeals as the caller may see them, their timelines, and the three rates per owner. */
@Injectable()
export class ReadAppealsUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly cipher: PersonalDataCipher,
    private readonly names: ReferenceNames,
  ) {}

  async get(caller: Caller, id: string): Promise<AppealView> {
    const appeal = await this.visible(caller, id);
    return toAppealView(appeal, caller, this.cipher, await this.names.book(namesOf([appeal])));
  }

  async timeline(caller: Caller, id: string): Promise<AppealTimelineEntry[]> {
    await this.visible(caller, id);
    const entries = await this.em.find(AppealTimelineEntity, { appealId: id }, { orderBy: { id: 'asc' } });
    return entries.map(toTimelineEntry);
  }

  async list(caller: Caller, query: ListAppealsQuery): Promise<{ items: AppealView[]; total: number }> {
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
    const [items, total] = await this.em.findAndCount(AppealEntity, where.length ? { $and: where } : {}, {
      orderBy: { receivedAt: 'desc', id: 'desc' },
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    const names = await this.names.book(namesOf(items));
    return { items: items.map((a) => toAppealView(a, caller, this.cipher, names)), total };
  }

  /**
   * Per lead owner over a period (by reception): response rate = signed for in time / dispatched; resolution rate =
   * resolved / answered; satisfaction rate = (satisfied + basically satisfied) / rated (not reached is not a rating);
   * on-time, return, re-handling and extension rates.
   */
  async figures(caller: Caller, query: FiguresQuery): Promise<OwnerFigures[]> {
    requireRole(caller, ['admin', 'street_admin', 'community_admin', 'hotline_operator', 'analyst'], 'read the hotline figures');
    const schema = this.em.config.get('schema');
    const scope = isUnrestricted(caller) ? '' : `and path && ?::text[]`;
    const rows: Record<string, string>[] = await this.em.execute(
      `select lead_key as owner, count(*) as appeals,
              count(*) filter (where dispatched_at is not null) as dispatched,
              count(*) filter (where signed_at is not null and signed_at <= sign_due_at) as signed_in_time,
              count(*) filter (where reply is not null) as answered,
              count(*) filter (where reply->>'resolution' = 'resolved') as resolved,
              count(*) filter (where answered_at is not null and answered_at <= answer_due_at) as on_time,
              count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied', 'dissatisfied')) as rated,
              count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied')) as satisfied,
              count(*) filter (where return_count > 0) as returned,
              count(*) filter (where reopen_count > 0) as reopened,
              count(*) filter (where extension_count > 0) as extended
         from "${schema}"."appeal"
        where lead_key is not null and received_at >= ? and received_at < ? ${scope}
        group by lead_key order by lead_key`,
      [periodStart(query.from), periodEnd(query.to), ...(scope ? [`{${caller.units.map((u) => `"${u}"`).join(',')}}`] : [])],
    );
    const rate = (n: string, d: string) => (Number(d) === 0 ? null : Math.round((Number(n) / Number(d)) * 1000) / 1000);
    const names = await this.names.ownerBook(rows.map((r) => r.owner));
    return rows.map((r) => ({
      owner: r.owner,
      ownerName: names.owner(r.owner),
      appeals: Number(r.appeals),
      responseRate: rate(r.signed_in_time, r.dispatched),
      resolutionRate: rate(r.resolved, r.answered),
      satisfactionRate: rate(r.satisfied, r.rated),
      onTimeRate: rate(r.on_time, r.answered),
      returnRate: rate(r.returned, r.appeals),
      reopenRate: rate(r.reopened, r.appeals),
      extensionRate: rate(r.extended, r.appeals),
    }));
  }

  private async visible(caller: Caller, id: string): Promise<AppealEntity> {
    const appeal = await this.em.findOne(AppealEntity, { id });
    if (!appeal || !mayView(caller, appeal)) throw new AppError(AppealErrorCode.NotFound, 'not_found', `Appeal ${id} does not exist in your scope`, { id });
    return appeal;
  }
}
