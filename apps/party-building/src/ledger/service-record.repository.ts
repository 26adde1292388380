import { Injectable } from '@nestjs/common';
import { LockMode, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type ListServiceRecordsQuery } from '@gridline/contracts-party-building';
import { ServiceRecordEntity } from './service-record.entity';
import { toServiceRecordEventData } from './service-record.mapper';

/** Approved and pending sums of one organisation or unit, as integers (half-hours, not hours). */
export interface ServiceTotalsSql {
  key: string;
  unitCode: string;
  halfHours: number;
  points: number;
  records: number;
  members: number;
  pendingHalfHours: number;
}

export interface ServiceTotalsFilter {
  /** The caller's units (null: everywhere). */
  units: readonly string[] | null;
  /** Only records bound to this unit or beneath it. */
  unit?: string;
  from: string;
  to: string;
}

interface TotalsRow {
  key: string;
  unit_code: string;
  half_hours: string;
  points: string;
  records: string;
  members: string;
  pending_half_hours: string;
}

/** A text[] literal for a `?::text[]` binding (knex would spread a JS array into a list). Codes are digits. */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/** Service records, read and written in the caller's unit of work (a use case's transaction when it runs in one). */
@Injectable()
export class ServiceRecordRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  private get schema(): string {
    return this.em.config.get('schema') ?? 'public';
  }

  /**
   * Serialises the writes of one member's ledger until the transaction ends: the day's cap and the one-credit-per-
   * activity check read what the other writer would otherwise be adding at the same moment.
   */
  async lockMember(memberId: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`party-ledger:${this.schema}:${memberId}`]);
  }

  /** A new record with its `member.service_recorded` event, both persisted with the transaction. */
  add(data: RequiredEntityData<ServiceRecordEntity>): ServiceRecordEntity {
    const record = this.em.create(ServiceRecordEntity, data);
    this.em.persist(record);
    this.events.record(PARTY_BUILDING_EVENTS.memberServiceRecorded, record.memberId, toServiceRecordEventData(record));
    return record;
  }

  /** Records `member.service_approved|service_rejected` for a decided record. */
  decided(record: ServiceRecordEntity): void {
    record.updatedAt = new Date();
    const event = record.status === 'approved' ? PARTY_BUILDING_EVENTS.memberServiceApproved : PARTY_BUILDING_EVENTS.memberServiceRejected;
    this.events.record(event, record.memberId, toServiceRecordEventData(record));
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  findById(id: string): Promise<ServiceRecordEntity | null> {
    return this.em.findOne(ServiceRecordEntity, { id });
  }

  lock(id: string): Promise<ServiceRecordEntity | null> {
    return this.em.findOne(ServiceRecordEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The member's credit for an activity, if made already. */
  findActivityCredit(memberId: string, activityId: string): Promise<ServiceRecordEntity | null> {
    return this.em.findOne(ServiceRecordEntity, { memberId, kind: 'activity', activityId });
  }

  /** Half-hours recorded for the member on `day`, pending and approved (rejected ones free their time). */
  async bookedHalfHours(memberId: string, day: string): Promise<number> {
    const [row]: { half_hours: string | null }[] = await this.em.execute(
      `select sum(half_hours) as half_hours from "${this.schema}"."service_record" where member_id = ? and day = ? and status <> 'rejected'`,
      [memberId, day],
    );
    return Number(row?.half_hours ?? 0);
  }

  /** The member's records with a day in [from, to], newest day first. */
  ofMember(memberId: string, from: string, to: string): Promise<ServiceRecordEntity[]> {
    return this.em.find(ServiceRecordEntity, { memberId, day: { $gte: from, $lte: to } }, { orderBy: { day: 'desc', createdAt: 'desc', id: 'asc' } });
  }

  /** Records bound within `units` (null: everywhere), by status, unit and year, oldest day first (a queue to decide). */
  async page(units: string[] | null, query: ListServiceRecordsQuery): Promise<OffsetPage<ServiceRecordEntity>> {
    const where: FilterQuery<ServiceRecordEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.status) where.push({ status: query.status });
    if (query.year) where.push({ day: { $gte: `${query.year}-01-01`, $lte: `${query.year}-12-31` } });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(ServiceRecordEntity, where.length ? { $and: where } : {}, { orderBy: { day: 'asc', createdAt: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /**
   * Sums per organisation and per unit of the records' paths (a grid's, its community's, the street's: each unit's
   * row takes in everything beneath it), over [from, to]. Units above the caller's scope (or above `unit`) get no
   * row: a community secretary's "street" would only be their own community's sum under another name.
   */
  async totals(filter: ServiceTotalsFilter): Promise<{ byOrganisation: ServiceTotalsSql[]; byUnit: ServiceTotalsSql[] }> {
    const where = [`r.day between ? and ?`, `r.status <> 'rejected'`];
    const params: unknown[] = [filter.from, filter.to];
    if (filter.units) {
      where.push('r.path && ?::text[]');
      params.push(textArray(filter.units));
    }
    if (filter.unit) {
      where.push('r.path @> ?::text[]');
      params.push(textArray([filter.unit]));
    }
    const sums = `coalesce(sum(r.half_hours) filter (where r.status = 'approved'), 0) as half_hours,
        coalesce(sum(r.points) filter (where r.status = 'approved'), 0) as points,
        count(*) filter (where r.status = 'approved') as records,
        count(distinct r.member_id) filter (where r.status = 'approved') as members,
        coalesce(sum(r.half_hours) filter (where r.status = 'pending'), 0) as pending_half_hours`;
    const table = `"${this.schema}"."service_record" r`;
    const byOrganisation: TotalsRow[] = await this.em.execute(
      `select r.organisation_id as key, max(r.path[array_length(r.path, 1)]) as unit_code, ${sums}
         from ${table} where ${where.join(' and ')}
        group by r.organisation_id order by unit_code, key`,
      params,
    );
    const depth: string[] = [];
    const depthParams: unknown[] = [];
    if (filter.units) {
      depth.push('p.depth >= (select min(array_position(r.path, u)) from unnest(?::text[]) u)');
      depthParams.push(textArray(filter.units));
    }
    if (filter.unit) {
      depth.push('p.depth >= array_position(r.path, ?)');
      depthParams.push(filter.unit);
    }
    const byUnit: TotalsRow[] = await this.em.execute(
      `select p.code as key, p.code as unit_code, ${sums}
         from ${table} cross join lateral unnest(r.path) with ordinality as p(code, depth)
        where ${[...where, ...depth].join(' and ')}
        group by p.code order by p.code`,
      [...params, ...depthParams],
    );
    return { byOrganisation: byOrganisation.map(toTotals), byUnit: byUnit.map(toTotals) };
  }
}

function toTotals(row: TotalsRow): ServiceTotalsSql {
  return {
    key: row.key,
    unitCode: row.unit_code,
    halfHours: Number(row.half_hours),
    points: Number(row.points),
    records: Number(row.records),
    members: Number(row.members),
    pendingHalfHours: Number(row.pending_half_hours),
  };
}
