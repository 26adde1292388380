import { Injectable } from '@nestjs/common';
import { LockMode, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { OWNER_HANDLER_ROLES, isUnrestricted, type Caller, type OwnerUnitLevel } from '@gridline/auth';
import { pgTextArray } from '@gridline/persistence';
import { Outbox, type EventDefinition } from '@gridline/messaging';
import type { DiscussionEventData, ListDiscussionTasksQuery, ListDiscussionsQuery } from '@gridline/contracts-incidents';
import type { KeysetCursor } from '@gridline/platform';
import { DiscussionEntity, DiscussionTaskEntity } from './discussion.entities';
import { DISCUSSION_READERS, taskEventItem } from './discussion-rules';

/** What an event says beyond the discussion and its tasks. */
export interface DiscussionEventExtra {
  taskId?: string | null;
  reason?: string;
  actor: string;
  at: Date;
}

/**
 * Candidate discussions and their tasks, and their events through the outbox. Uses the service's EntityManager:
 * inside `TransactionRunner.run` (or a consumer's transaction) the transaction's.
 */
@Injectable()
export class DiscussionRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}"."${name}"`;
  }

  add(data: RequiredEntityData<DiscussionEntity>): DiscussionEntity {
    const discussion = this.em.create(DiscussionEntity, data);
    this.em.persist(discussion);
    return discussion;
  }

  addTask(data: RequiredEntityData<DiscussionTaskEntity>): DiscussionTaskEntity {
    const task = this.em.create(DiscussionTaskEntity, data);
    this.em.persist(task);
    return task;
  }

  findByCandidate(candidateId: string): Promise<DiscussionEntity | null> {
    return this.em.findOne(DiscussionEntity, { candidateId });
  }

  findById(id: string): Promise<DiscussionEntity | null> {
    return this.em.findOne(DiscussionEntity, { id });
  }

  /** Row-locked for the transaction: meetings, closings and the last task done of one discussion go one at a time. */
  findByIdLocked(id: string): Promise<DiscussionEntity | null> {
    return this.em.findOne(DiscussionEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findTask(id: string): Promise<DiscussionTaskEntity | null> {
    return this.em.findOne(DiscussionTaskEntity, { id });
  }

  /** Row-locked: the scheduler marking it overdue and its owner completing it go one after the other. */
  findTaskLocked(id: string): Promise<DiscussionTaskEntity | null> {
    return this.em.findOne(DiscussionTaskEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** A discussion's tasks in the meeting's order. */
  tasksOf(discussionId: string): Promise<DiscussionTaskEntity[]> {
    return this.em.find(DiscussionTaskEntity, { discussionId }, { orderBy: { position: 'asc' } });
  }

  /** The tasks of several discussions (a list's page). */
  tasksOfMany(discussionIds: readonly string[]): Promise<DiscussionTaskEntity[]> {
    return discussionIds.length === 0 ? Promise.resolve([]) : this.em.find(DiscussionTaskEntity, { discussionId: { $in: [...discussionIds] } }, { orderBy: { position: 'asc' } });
  }

  discussions(ids: readonly string[]): Promise<DiscussionEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.em.find(DiscussionEntity, { id: { $in: [...ids] } });
  }

  /** One page of the discussions the grid centre sees (newest first): `fetch` rows after the cursor. */
  async list(caller: Caller, query: ListDiscussionsQuery, after: KeysetCursor | null, fetch: number): Promise<DiscussionEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!isUnrestricted(caller)) {
      where.push(`unit_path && ?::text[]`);
      params.push(pgTextArray(caller.units));
    }
    if (query.unit) {
      where.push(`? = any(unit_path)`);
      params.push(query.unit);
    }
    if (query.status) {
      where.push(`status = ?`);
      params.push(query.status);
    }
    if (query.incident) {
      where.push(`? = any(evidence_incident_ids)`);
      params.push(query.incident);
    }
    if (after) {
      where.push(`(opened_at, id) < (?::timestamptz, ?::uuid)`);
      params.push(after.k, after.id);
    }
    const rows: Record<string, unknown>[] = await this.em.execute(
      `select * from ${this.table('discussion')} where ${where.join(' and ') || 'true'} order by opened_at desc, id desc limit ?`,
      [...params, fetch],
    );
    return rows.map((row) => this.em.map(DiscussionEntity, row));
  }

  /**
   * One page of the tasks the caller sees (by due day, then id): the tasks of discussions in a grid centre's scope,
   * and the tasks the caller owns (`mine`: only those) — a department's handlers their department's, a unit's staff
   * their units'.
   */
  async listTasks(caller: Caller, query: ListDiscussionTasksQuery, after: KeysetCursor | null, fetch: number): Promise<DiscussionTaskEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!isUnrestricted(caller)) {
      const seen: string[] = [];
      if (!query.mine && DISCUSSION_READERS.some((r) => caller.roles.includes(r))) {
        seen.push(`d.unit_path && ?::text[]`);
        params.push(pgTextArray(caller.units));
      }
      if (caller.roles.includes('department')) {
        seen.push(`(t.owner_kind = 'department' and t.owner_code = any(?::text[]))`);
        params.push(pgTextArray(caller.units));
      }
      const levels = (Object.keys(OWNER_HANDLER_ROLES) as OwnerUnitLevel[]).filter((level) => OWNER_HANDLER_ROLES[level].some((r) => caller.roles.includes(r)));
      if (levels.length > 0) {
        seen.push(`(t.owner_kind = 'unit' and t.owner_path && ?::text[] and t.owner_level = any(?::text[]))`);
        params.push(pgTextArray(caller.units), pgTextArray(levels));
      }
      where.push(seen.length > 0 ? `(${seen.join(' or ')})` : 'false');
    }
    for (const [sql, value] of [
      [`t.owner_kind = 'department' and t.owner_code = ?`, query.department],
      [`t.owner_kind = 'unit' and t.owner_code = ?`, query.unit],
      [`t.discussion_id = ?::uuid`, query.discussion],
      [`t.status = ?`, query.status],
    ] as const) {
      if (value === undefined) continue;
      where.push(sql);
      params.push(value);
    }
    if (after) {
      where.push(`(t.due_on, t.id) > (?::date, ?::uuid)`);
      params.push(after.k?.slice(0, 10), after.id);
    }
    const rows: { id: string }[] = await this.em.execute(
      `select t.id from ${this.table('discussion_task')} t join ${this.table('discussion')} d on d.id = t.discussion_id
        where ${where.join(' and ') || 'true'} order by t.due_on, t.id limit ?`,
      [...params, fetch],
    );
    if (rows.length === 0) return [];
    const tasks = await this.em.find(DiscussionTaskEntity, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(tasks.map((t) => [t.id, t]));
    return rows.map((r) => byId.get(r.id)!).filter(Boolean);
  }

  /**
   * Up to `limit` tasks of open discussions past their due day (before `today`, China time) and not done, oldest
   * first, row-locked for the transaction — SKIP LOCKED: two replicas' schedulers never claim the same task, and a
   * task its owner is completing now waits for the next pass.
   */
  async claimOverdue(today: string, limit: number): Promise<DiscussionTaskEntity[]> {
    const rows: { id: string }[] = await this.em.execute(
      `select t.id from ${this.table('discussion_task')} t join ${this.table('discussion')} d on d.id = t.discussion_id
        where t.status = 'open' and t.due_on < ?::date and d.status = 'open'
        order by t.due_on, t.id limit ? for update of t skip locked`,
      [today, limit],
    );
    if (rows.length === 0) return [];
    return this.em.find(DiscussionTaskEntity, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { dueOn: 'asc', id: 'asc' } });
  }

  /** Records an event of the discussion, as of now, with every task (the outbox row commits with the change). */
  record(definition: EventDefinition<DiscussionEventData>, discussion: DiscussionEntity, tasks: readonly DiscussionTaskEntity[], extra: DiscussionEventExtra): void {
    this.events.record(definition, discussion.id, {
      discussionId: discussion.id,
      candidateId: discussion.candidateId,
      incidentId: null,
      streetCode: discussion.streetCode,
      unitCode: discussion.unitCode,
      categoryCode: discussion.categoryCode,
      status: discussion.status,
      tasks: tasks.map(taskEventItem),
      taskId: extra.taskId ?? null,
      ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
      actor: extra.actor,
      at: extra.at.toISOString(),
    });
  }

  /** A lifted candidate that opened no discussion (subject: the candidate id). */
  recordOpenFailed(definition: EventDefinition<DiscussionEventData>, data: DiscussionEventData & { candidateId: string }): void {
    this.events.record(definition, data.candidateId, data);
  }

  async save(): Promise<void> {
    await this.em.flush();
  }
}
