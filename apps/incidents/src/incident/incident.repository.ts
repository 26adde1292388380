import { Injectable } from '@nestjs/common';
import { LockMode, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { WORK_ORDER_NUMBER, boundingBox, containsPattern, greatCircleMetresSql, insertTogether, nextWorkOrderNumber, pgTextArray, type InsertRow } from '@gridline/persistence';
import { periodEnd, periodStart } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { INCIDENTS_EVENTS, LIVE_STATUSES, type AppealHandoffFailedEventData, type ListIncidentsQuery } from '@gridline/contracts-incidents';
import { UNIT_CODE_LENGTH } from '@gridline/contracts-registry';
import { IncidentEntity, TimelineEntity } from './incident.entity';

/** What an earlier claim of an idempotency key holds: the hash of its report and the case it made. */
export interface EarlierClaim {
  requestHash: string;
  incidentId: string;
}

/** A condition on the incident table as SQL (`?` placeholders). */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** The cases a caller may see, as SQL: one condition, and for a grid member the same cases as disjoint-or-not arms to read apart. */
export interface ScopeSql extends SqlCondition {
  /**
   * Conditions whose union is exactly `sql` (they may overlap): a page reads each in the list's order through its own
   * index and merges them (`search`), where the OR would keep PostgreSQL from reading any index in order.
   */
  arms?: SqlCondition[];
}

/** The scope and the filters of a list (`?` placeholders): the cases matching `scope` (null: every case) and each of `where`. */
export interface IncidentSql {
  scope: ScopeSql | null;
  where: string[];
  params: unknown[];
}

/** The whole condition of a filter: its scope and its filters, ANDed. */
function conditionOf(filter: IncidentSql): SqlCondition {
  const where = filter.scope ? [filter.scope.sql, ...filter.where] : filter.where;
  return { sql: where.join(' and ') || 'true', params: [...(filter.scope?.params ?? []), ...filter.params] };
}

/**
 * Cases, their timelines and their keys. Uses the service's EntityManager, which inside a `TransactionRunner.run`
 * is the transaction's: what it persists commits with the rest of the use case's work.
 */
@Injectable()
export class IncidentRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}"."incident"`;
  }

  findById(id: string): Promise<IncidentEntity | null> {
    return this.em.findOne(IncidentEntity, { id });
  }

  /** The case, share-locked for the transaction: its state cannot change before the transaction commits. */
  findByIdShareLocked(id: string): Promise<IncidentEntity | null> {
    return this.em.findOne(IncidentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_READ });
  }

  /** A new case, persisted with the transaction. */
  /** A new case, not yet stored (nor in the unit of work): `insert` it with its first entry. */
  build(data: RequiredEntityData<IncidentEntity>): IncidentEntity {
    return this.em.create(IncidentEntity, { ...data, version: 1 }, { persist: false });
  }

  /** Stores a new case with its first entry and event in one statement (in the transaction running, if any). */
  insert(incident: IncidentEntity, rows: readonly InsertRow[]): Promise<void> {
    return insertTogether(this.em, [{ entity: IncidentEntity, data: incident }, ...rows]);
  }

  /** Writes the changes of the cases (and entries) of this unit of work now, guarded by each case's version. */
  async save(): Promise<void> {
    await this.em.flush();
  }

  /**
   * Claims a client's idempotency key for a report about to make case `incidentId`: null when claimed now, else the
   * earlier claim (the same key from the same actor).
   */
  async claimIdempotencyKey(actor: string, key: string, requestHash: string, incidentId: string): Promise<EarlierClaim | null> {
    const keys = `"${this.em.config.get('schema')}"."idempotency_key"`;
    const claimed: unknown[] = await this.em.execute(
      `insert into ${keys} (actor, key, request_hash, incident_id) values (?, ?, ?, ?) on conflict do nothing returning incident_id`,
      [actor, key, requestHash, incidentId],
    );
    if (claimed.length > 0) return null;
    const [earlier]: { request_hash: string; incident_id: string }[] = await this.em.execute(`select request_hash, incident_id from ${keys} where actor = ? and key = ?`, [actor, key]);
    return { requestHash: earlier.request_hash, incidentId: earlier.incident_id };
  }

  /** The next work-order number of the day `at` falls on (taken in the transaction: a rollback gives it back). */
  nextWorkOrderNumber(at: Date): Promise<string> {
    return nextWorkOrderNumber(this.em, 'GX', at);
  }

  /** Records `handoff.failed` in the outbox of the transaction: a hand-off of an appeal incidents refused. */
  recordHandoffFailed(data: AppealHandoffFailedEventData): void {
    this.events.record(INCIDENTS_EVENTS.handoffFailed, data.appealId, data);
  }

  /** The cases of an appeal still open (any hand-off). */
  openOfAppeal(appealId: string): Promise<IncidentEntity[]> {
    return this.em.find(IncidentEntity, { appealRef: appealId, status: { $in: [...LIVE_STATUSES] } });
  }

  /** The latest closed (or evaluated) case of an appeal: the one that answered it. */
  latestClosedOfAppeal(appealId: string): Promise<IncidentEntity | null> {
    return this.em.findOne(IncidentEntity, { appealRef: appealId, status: { $in: ['closed', 'evaluated'] } }, { orderBy: { appealHandoff: 'desc', createdAt: 'desc' } });
  }

  /**
   * Up to `limit` cases whose next supervision check is due, oldest first, row-locked for the transaction.
   * SKIP LOCKED: two replicas must never claim the same case; a case a user is changing right now waits for the next pass.
   */
  claimDueForSupervision(now: Date, limit: number): Promise<IncidentEntity[]> {
    return this.em.find(IncidentEntity, { nextCheckAt: { $lte: now }, step: { $ne: null } }, { orderBy: { nextCheckAt: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
  }

  /**
   * One page of the cases matching `filter`, in the order given (`limit` + 1 read: the caller sees whether more follow).
   * A scope in arms is read arm by arm, each its first `limit` in that order, and the union's first `limit` kept (a case
   * in two arms once).
   */
  async search(filter: IncidentSql, orderBy: string, limit: number): Promise<IncidentEntity[]> {
    const arms = filter.scope?.arms;
    const { sql, params } = arms
      ? {
          sql: `select * from (select distinct on (id) * from (${arms
            .map((arm) => `(select * from ${this.table} where ${[arm.sql, ...filter.where].join(' and ')} order by ${orderBy} limit ?)`)
            .join(' union all ')}) armed order by id) scoped order by ${orderBy} limit ?`,
          params: [...arms.flatMap((arm) => [...arm.params, ...filter.params, limit]), limit],
        }
      : (({ sql: where, params: values }) => ({ sql: `select * from ${this.table} where ${where} order by ${orderBy} limit ?`, params: [...values, limit] }))(conditionOf(filter));
    const rows: Record<string, unknown>[] = await this.em.execute(sql, params);
    return rows.map((row) => this.em.map(IncidentEntity, row));
  }

  /** How many cases match `filter` (an export's size before it is written). */
  async count(filter: IncidentSql): Promise<number> {
    const { sql, params } = conditionOf(filter);
    const [row]: { n: string }[] = await this.em.execute(`select count(*) as n from ${this.table} where ${sql}`, params);
    return Number(row?.n ?? 0);
  }

  /** Counts of the cases matching `filter` by status, with how many of each are overdue and supervised. */
  countByStatus(filter: IncidentSql): Promise<{ status: string; n: string; overdue: string; supervised: string }[]> {
    const { sql, params } = conditionOf(filter);
    return this.em.execute(
      `select status, count(*) as n, count(*) filter (where due_at < now()) as overdue, count(*) filter (where supervision_card <> 'none') as supervised
         from ${this.table} where ${sql} group by status`,
      params,
    );
  }

  /**
   * The counts of `countByStatus` per unit of the cases' paths, from the highest of `from` on each path down (a unit
   * above it, or a case whose path holds none of them, is not counted: a caller sees no unit above their own). With
   * no `from` (an unrestricted caller), every unit of the path.
   */
  countByUnit(filter: IncidentSql, from: readonly string[]): Promise<{ unit: string; status: string; n: string; overdue: string; supervised: string }[]> {
    const start = from.length ? `(select min(array_position(path, f)) from unnest(?::text[]) f)` : '1';
    const { sql, params } = conditionOf(filter);
    return this.em.execute(
      `select u.unit, status, count(*) as n, count(*) filter (where due_at < now()) as overdue, count(*) filter (where supervision_card <> 'none') as supervised
         from ${this.table} cross join lateral unnest(path) with ordinality as u(unit, ord)
        where ${sql} and u.ord >= ${start}
        group by u.unit, status order by u.unit`,
      [...params, ...(from.length ? [pgTextArray(from)] : [])],
    );
  }

  /** The time of the case's newest timeline entry (a back-dated step may not come before it). */
  async lastEntryAt(id: string): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await this.em.execute(`select max(at) as at from "${this.em.config.get('schema')}"."incident_timeline" where incident_id = ?`, [id]);
    return row?.at ? new Date(row.at) : null;
  }

  /** Every case in the order of its creation, from after a keyset position (`limit` rows): the cases' snapshot. */
  async inCreationOrder(after: { createdAt: Date; id: string } | null, limit: number): Promise<IncidentEntity[]> {
    const rows: Record<string, unknown>[] = await this.em.execute(
      `select * from ${this.table} ${after ? 'where (created_at, id) > (?, ?)' : ''} order by created_at, id limit ?`,
      after ? [after.createdAt, after.id, limit] : [limit],
    );
    return rows.map((row) => this.em.map(IncidentEntity, row));
  }

  /** The timelines of the cases, in the order their entries were written. */
  timelines(ids: readonly string[]): Promise<TimelineEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.em.find(TimelineEntity, { incidentId: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
  }

  timeline(id: string): Promise<TimelineEntity[]> {
    return this.em.find(TimelineEntity, { incidentId: id }, { orderBy: { id: 'asc' } });
  }

  /**
   * Open cases of a category reported near a point since a time that the caller may see: candidates for
   * "possible duplicate". Cases the caller may not see are never candidates, so the answer names none of them.
   */
  async nearby(caller: Caller, categoryCode: string, lat: number, lng: number, radiusMeters: number, since: Date, excludeId: string) {
    const schema = this.em.config.get('schema');
    // A bounding box narrows the rows; the haversine distance decides.
    const box = boundingBox({ lat, lng }, radiusMeters);
    const distance = greatCircleMetresSql('lat', 'lng', { lat, lng });
    const scope = incidentScopeSql(caller);
    return this.em.execute<{ id: string; title: string; status: string; distance: number; created_at: Date }[]>(
      `select id, title, status, created_at, ${distance.sql} as distance
         from "${schema}"."incident"
        where category_code = ? and created_at >= ? and id <> ?
          and status not in ('rejected', 'closed', 'evaluated', 'cancelled', 'merged')
          and lat between ? and ? and lng between ? and ?${scope ? ` and ${scope.sql}` : ''}
        order by distance asc limit 10`,
      [...distance.params, categoryCode, since, excludeId, box.minLat, box.maxLat, box.minLng, box.maxLng, ...(scope?.params ?? [])],
    );
  }
}

/**
 * A grid's (or an exclusive grid's) code: the registry gives them 15 digits and streets and communities fewer
 * (UNIT_CODE_LENGTH), and a grid has no units beneath it, so such a code is in a case's path exactly when it is the
 * case's `grid_code` (the path's last unit).
 */
function isGridCode(code: string): boolean {
  return code.length === UNIT_CODE_LENGTH.grid && UNIT_CODE_LENGTH.exclusive_grid === UNIT_CODE_LENGTH.grid;
}

/**
 * The cases a caller may see, as a SQL condition on the incident table (null: every case): the same rule as
 * `mayView` — the case's grid in scope, its owner department, or its reporter. A caller whose units are all grids
 * (a grid member) is scoped by `grid_code`, with the indexes led by it, in arms: their grids' cases, their own reports.
 */
export function incidentScopeSql(caller: Caller): ScopeSql | null {
  if (isUnrestricted(caller)) return null;
  // The department branch only for department users: an always-false OR would keep the planner off the indexes.
  if (caller.roles.includes('department')) {
    return { sql: `(path && ?::text[] or owner->>'departmentCode' = any(?::text[]) or reporter = ?)`, params: [pgTextArray(caller.units), pgTextArray(caller.units), caller.sub] };
  }
  if (caller.units.length > 0 && caller.units.every(isGridCode)) {
    // One grid as an equality: `= any` of one value would not let PostgreSQL read (grid_code, created_at) in order.
    const grids: SqlCondition = caller.units.length === 1 ? { sql: 'grid_code = ?', params: [caller.units[0]] } : { sql: 'grid_code = any(?::text[])', params: [pgTextArray(caller.units)] };
    const reports: SqlCondition = { sql: 'reporter = ?', params: [caller.sub] };
    return { sql: `(${grids.sql} or ${reports.sql})`, params: [...grids.params, ...reports.params], arms: [grids, reports] };
  }
  return { sql: `(path && ?::text[] or reporter = ?)`, params: [pgTextArray(caller.units), caller.sub] };
}

/** The scope (units, or the departments a department user answers for) and the query's filters, as SQL. */
export function incidentFilters(caller: Caller, query: ListIncidentsQuery): IncidentSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.unit) {
    where.push(`path @> ?::text[]`);
    params.push(pgTextArray([query.unit]));
  }
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.category) {
    where.push(query.category.includes('.') ? 'category_code = ?' : `category_code like ?`);
    params.push(query.category.includes('.') ? query.category : `${query.category}.%`);
  }
  if (query.urgency) {
    where.push('urgency = ?');
    params.push(query.urgency);
  }
  if (query.source) {
    where.push('source = ?');
    params.push(query.source);
  }
  // due_at is null once no step runs: the comparison alone says overdue (and keeps the row estimate right).
  if (query.overdue) where.push('due_at < now()');
  if (query.supervised) where.push(`supervision_card <> 'none'`);
  if (query.card) {
    where.push('supervision_card = ?');
    params.push(query.card);
  }
  if (query.dueBefore) {
    // A date alone is up to the end of that China day, as `to` is.
    where.push('due_at < ?');
    params.push(periodEnd(query.dueBefore));
  }
  if (query.from) {
    where.push('created_at >= ?');
    params.push(periodStart(query.from));
  }
  if (query.to) {
    where.push('created_at < ?');
    params.push(periodEnd(query.to));
  }
  if (query.q && WORK_ORDER_NUMBER.test(query.q)) {
    // A work-order number is looked up exactly (unique index), not as a substring.
    where.push(`work_order = ?`);
    params.push(query.q);
  } else if (query.q) {
    // A substring test, which works for Chinese text where word-based search does not, on the expression of the
    // trigram index (incident_search_trgm_idx).
    where.push(`(title || ' ' || description || ' ' || coalesce(address, '')) like ?`);
    params.push(containsPattern(query.q));
  }
  return { scope: incidentScopeSql(caller), where, params };
}
