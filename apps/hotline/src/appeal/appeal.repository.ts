import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery, type RequiredEntityData } from '@mikro-orm/postgresql';
import { insertTogether, nextWorkOrderNumber, type InsertRow } from '@gridline/persistence';
import { offsetPage, pageOffset, type OffsetPage, type PageRequest } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { AppealEntity, AppealTimelineEntity } from './appeal.entity';
import { appealNotFound } from './appeal.errors';
import { mayView } from './appeal-process';

/** One row of the figures per lead owner: counts as text, as PostgreSQL answers `count(*)`. */
export type OwnerFigureRow = Record<'owner' | 'appeals' | 'dispatched' | 'signed_in_time' | 'answered' | 'resolved' | 'on_time' | 'rated' | 'satisfied' | 'returned' | 'reopened' | 'extended', string>;

/**
 * The hotline's appeals: read, numbered, added and changed. Changes to the appeals it answered are written by
 * `flush()` (in the use case's transaction when one runs); it never opens a transaction itself.
 */
@Injectable()
export class AppealRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<AppealEntity | null> {
    return this.em.findOne(AppealEntity, { id });
  }

  /** The appeal, if the caller may see it; else 404 `APPEAL_NOT_FOUND`, answered exactly as for one that does not exist. */
  async findVisible(caller: Caller, id: string): Promise<AppealEntity> {
    const appeal = await this.findById(id);
    if (!appeal || !mayView(caller, appeal)) throw appealNotFound(id);
    return appeal;
  }

  find(where: FilterQuery<AppealEntity>, options: { limit: number; offset?: number }): Promise<AppealEntity[]> {
    return this.em.find(AppealEntity, where, { orderBy: { receivedAt: 'desc', id: 'desc' }, ...options });
  }

  /** One page of the appeals matching `where`, newest first. */
  async page(where: FilterQuery<AppealEntity>, query: PageRequest): Promise<OffsetPage<AppealEntity>> {
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(AppealEntity, where, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  count(where: FilterQuery<AppealEntity>): Promise<number> {
    return this.em.count(AppealEntity, where);
  }

  async exists(where: FilterQuery<AppealEntity>): Promise<boolean> {
    return (await this.em.count(AppealEntity, where)) > 0;
  }

  /** The next readable work-order number of the China day of `at` (one counter row per day, in the transaction). */
  nextWorkOrder(at: Date): Promise<string> {
    return nextWorkOrderNumber(this.em, '12345', at);
  }

  /** A new appeal, not yet stored (nor in the unit of work): `insert` it with its first entry. */
  build(data: Omit<RequiredEntityData<AppealEntity>, 'id'>): AppealEntity {
    return this.em.create(AppealEntity, { id: randomUUID(), ...data, version: 1 } as RequiredEntityData<AppealEntity>, { persist: false });
  }

  /** Stores a new appeal with its first entry and event in one statement (in the transaction running, if any). */
  insert(appeal: AppealEntity, rows: readonly InsertRow[]): Promise<void> {
    return insertTogether(this.em, [{ entity: AppealEntity, data: appeal }, ...rows]);
  }

  /** Flags the other appeals matching `where` at once; answers how many it flagged. */
  flagOthers(where: FilterQuery<AppealEntity>): Promise<number> {
    return this.em.nativeUpdate(AppealEntity, { $and: [where, { flagged: false }] }, { flagged: true });
  }

  /** Every appeal in the order of its reception, from after a keyset position (`limit` rows): the appeals' snapshot. */
  async inReceptionOrder(after: { receivedAt: Date; id: string } | null, limit: number): Promise<AppealEntity[]> {
    const rows: Record<string, unknown>[] = await this.em.execute(
      `select * from "${this.em.config.get('schema')}"."appeal" ${after ? 'where (received_at, id) > (?, ?)' : ''} order by received_at, id limit ?`,
      after ? [after.receivedAt, after.id, limit] : [limit],
    );
    return rows.map((row) => this.em.map(AppealEntity, row));
  }

  /** The newest timeline entry of each appeal (its last change: when and by whom). */
  async lastChanges(ids: readonly string[]): Promise<Map<string, { at: Date; actor: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { appeal_id: string; at: Date; actor: string }[] = await this.em.execute(
      `select distinct on (appeal_id) appeal_id, at, actor from "${this.em.config.get('schema')}"."appeal_timeline" where appeal_id in (${ids.map(() => '?').join(', ')}) order by appeal_id, at desc, id desc`,
      [...ids],
    );
    return new Map(rows.map((r) => [r.appeal_id, { at: new Date(r.at), actor: r.actor }]));
  }

  timeline(appealId: string): Promise<AppealTimelineEntity[]> {
    return this.em.find(AppealTimelineEntity, { appealId }, { orderBy: { id: 'asc' } });
  }

  /** Counts per lead owner of the appeals received in [from, to), within `units` (null: everywhere). */
  ownerFigures(from: Date, to: Date, units: readonly string[] | null): Promise<OwnerFigureRow[]> {
    const schema = this.em.config.get('schema');
    const scope = units ? `and path && ?::text[]` : '';
    return this.em.execute(
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
      [from, to, ...(units ? [`{${units.map((u) => `"${u}"`).join(',')}}`] : [])],
    );
  }

  /**
   * Up to `limit` open appeals due for a supervision look — the next check passed, or the appeal changed since the
   * last look —, row-locked for the transaction. SKIP LOCKED: two replicas must never claim the same appeal; one a user
   * is changing right now waits for the next pass.
   */
  /** The time of the appeal's newest timeline entry (a back-dated step may not come before it). */
  async lastEntryAt(id: string): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await this.em.execute(`select max(at) as at from "${this.schema}"."appeal_timeline" where appeal_id = ?`, [id]);
    return row?.at ? new Date(row.at) : null;
  }

  async claimDueForSupervision(now: Date, limit: number): Promise<AppealEntity[]> {
    const rows: { id: string }[] = await this.em.execute(
      `select id from "${this.schema}"."appeal"
        where status in ('received', 'dispatched', 'signed') and (next_check_at <= ? or checked_version is distinct from version)
        order by next_check_at asc nulls first
        limit ? for update skip locked`,
      [now, limit],
    );
    if (rows.length === 0) return [];
    return this.em.find(AppealEntity, { id: { $in: rows.map((r) => r.id) } });
  }

  /**
   * What a supervision look leaves on the appeal: when to look next, the version it looked at, and the deadlines it
   * marked (null: unchanged). Plain SQL: the version stays as it is (the ORM's update would bump it), so an operator's
   * open form stays valid.
   */
  async recordSupervisionLook(appeal: AppealEntity, nextCheckAt: Date | null, marked: Partial<Record<'remindedFor' | 'dispatchOverdueFor' | 'signOverdueFor' | 'answerOverdueFor', Date>>): Promise<void> {
    await this.em.execute(
      `update "${this.schema}"."appeal" set next_check_at = ?, checked_version = ?, reminded_for = coalesce(?, reminded_for),
         dispatch_overdue_for = coalesce(?, dispatch_overdue_for), sign_overdue_for = coalesce(?, sign_overdue_for), answer_overdue_for = coalesce(?, answer_overdue_for)
       where id = ?`,
      [nextCheckAt, appeal.version, marked.remindedFor ?? null, marked.dispatchOverdueFor ?? null, marked.signOverdueFor ?? null, marked.answerOverdueFor ?? null, appeal.id],
    );
  }

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /** Writes what was added and changed. */
  async flush(): Promise<void> {
    await this.em.flush();
  }
}
