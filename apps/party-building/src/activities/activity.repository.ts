import { Injectable } from '@nestjs/common';
import { LockMode, raw, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage, type PageRequest } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type ListActivitiesQuery } from '@gridline/contracts-party-building';
import { ActivityEntity, SignUpEntity } from './activity.entity';
import { activityEventBase, toAttendanceEventData, toCancelledEventData, toScheduledEventData } from './activity.mapper';
import { audienceFilter, type MemberAudience } from './activity-rules';

/** Activities and their sign-ups, read and written in the caller's unit of work, with their events. */
@Injectable()
export class ActivityRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new activity with its `activity.scheduled` event. */
  add(data: RequiredEntityData<ActivityEntity>): ActivityEntity {
    const activity = this.em.create(ActivityEntity, data);
    this.em.persist(activity);
    this.events.record(PARTY_BUILDING_EVENTS.activityScheduled, activity.id, toScheduledEventData(activity));
    return activity;
  }

  findById(id: string): Promise<ActivityEntity | null> {
    return this.em.findOne(ActivityEntity, { id });
  }

  /** The activity, locked for the rest of the transaction: every sign-up, check-in and change takes this lock, so seats are counted one at a time. */
  lock(id: string): Promise<ActivityEntity | null> {
    return this.em.findOne(ActivityEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Records `activity.cancelled`, naming the members signed up so that they can be told. */
  async cancelled(activity: ActivityEntity): Promise<void> {
    activity.updatedAt = new Date();
    const signUps = await this.em.find(SignUpEntity, { activityId: activity.id, status: 'signed_up' }, { fields: ['memberId'], orderBy: { memberId: 'asc' } });
    this.events.record(PARTY_BUILDING_EVENTS.activityCancelled, activity.id, toCancelledEventData(activity, signUps.map((s) => s.memberId)));
  }

  /** Records `activity.reported` with the counts stored on the activity. */
  reported(activity: ActivityEntity): void {
    activity.updatedAt = new Date();
    const counts = activity.reportCounts ?? { signedUp: 0, attended: 0, noShows: 0, walkIns: 0 };
    this.events.record(PARTY_BUILDING_EVENTS.activityReported, activity.id, { ...activityEventBase(activity), ...counts });
  }

  findSignUp(activityId: string, memberId: string): Promise<SignUpEntity | null> {
    return this.em.findOne(SignUpEntity, { activityId, memberId });
  }

  addSignUp(data: RequiredEntityData<SignUpEntity>): SignUpEntity {
    const signUp = this.em.create(SignUpEntity, data);
    this.em.persist(signUp);
    return signUp;
  }

  /** Records `attendance.recorded` for a sign-up just checked in. */
  attended(activity: ActivityEntity, signUp: SignUpEntity): void {
    this.events.record(PARTY_BUILDING_EVENTS.attendanceRecorded, activity.id, toAttendanceEventData(activity, signUp));
  }

  /** Attendance of an activity: active sign-ups, those who checked in, walk-ins among them. */
  async attendance(activityId: string): Promise<{ signedUp: number; attended: number; noShows: number; walkIns: number }> {
    const [row] = await this.em.execute<{ signed_up: string; attended: string; walk_ins: string }[]>(
      `select count(*) filter (where status = 'signed_up') as signed_up,
              count(*) filter (where status = 'signed_up' and attended_at is not null) as attended,
              count(*) filter (where status = 'signed_up' and attended_at is not null and walk_in) as walk_ins
         from ${this.table(SignUpEntity)} where activity_id = ?`,
      [activityId],
    );
    const signedUp = Number(row.signed_up);
    const attended = Number(row.attended);
    return { signedUp, attended, noShows: signedUp - attended, walkIns: Number(row.walk_ins) };
  }

  /** The organisation and every one above it (its parents walked up); empty for an unknown id. */
  async organisationLine(organisationId: string): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `with recursive up (id, parent_id) as (
         select id, parent_id from ${this.schema()}.organisation where id = ?
         union
         select o.id, o.parent_id from ${this.schema()}.organisation o join up on o.id = up.parent_id
       ) select id from up`,
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Activities open to a member: scheduled, starting after `now`, with a seat free, whose audience admits them
   * (`audienceFilter`), and not signed up to already; soonest first.
   */
  async openPage(memberId: string, audience: MemberAudience, now: Date, query: PageRequest): Promise<OffsetPage<ActivityEntity>> {
    const { limit, offset } = pageOffset(query);
    const signedUp = await this.em.find(SignUpEntity, { memberId, status: 'signed_up' }, { fields: ['activityId'] });
    const where: FilterQuery<ActivityEntity> = {
      $and: [
        { status: 'scheduled', startsAt: { $gt: now } },
        ...(signedUp.length ? [{ id: { $nin: signedUp.map((s) => s.activityId) } }] : []),
        audienceFilter(audience),
        // A seat free (the column against the column, in SQL).
        { [raw('(signed_up < capacity)')]: true },
      ],
    };
    const [items, total] = await this.em.findAndCount(ActivityEntity, where, { orderBy: { startsAt: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  /** Activities of organisations bound within `units` (null: everywhere), by unit, organisation, kind and period, soonest first. */
  async page(units: string[] | null, query: ListActivitiesQuery): Promise<OffsetPage<ActivityEntity>> {
    const where: FilterQuery<ActivityEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.organisationId) where.push({ organisationId: query.organisationId });
    if (query.kind) where.push({ kind: query.kind });
    if (query.from) where.push({ startsAt: { $gte: new Date(query.from) } });
    if (query.to) where.push({ startsAt: { $lt: new Date(query.to) } });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(ActivityEntity, where.length ? { $and: where } : {}, { orderBy: { startsAt: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** A member's sign-ups (cancelled ones too) with their activities, latest start first. */
  async memberPage(memberId: string, query: PageRequest): Promise<OffsetPage<{ activity: ActivityEntity; signUp: SignUpEntity }>> {
    const { limit, offset } = pageOffset(query);
    const [rows, total] = await Promise.all([
      this.em.execute<{ id: string }[]>(
        `select s.id from ${this.table(SignUpEntity)} s join ${this.table(ActivityEntity)} a on a.id = s.activity_id
          where s.member_id = ? order by a.starts_at desc, a.id limit ? offset ?`,
        [memberId, limit, offset],
      ),
      this.em.count(SignUpEntity, { memberId }),
    ]);
    const signUps = await this.em.find(SignUpEntity, { id: { $in: rows.map((r) => r.id) } });
    const activities = await this.em.find(ActivityEntity, { id: { $in: signUps.map((s) => s.activityId) } });
    const byId = new Map(activities.map((a) => [a.id, a]));
    const ordered = rows.map((r) => signUps.find((s) => s.id === r.id)).filter((s): s is SignUpEntity => !!s);
    return offsetPage(ordered.map((signUp) => ({ signUp, activity: byId.get(signUp.activityId) as ActivityEntity })), total, query);
  }

  private schema(): string {
    return `"${this.em.config.get('schema')}"`;
  }

  private table(entity: typeof ActivityEntity | typeof SignUpEntity): string {
    return `${this.schema()}.${this.em.getMetadata(entity).tableName}`;
  }
}
