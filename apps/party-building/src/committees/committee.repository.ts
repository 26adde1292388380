import { Injectable } from '@nestjs/common';
import { LockMode, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type ListCommitteesQuery, type ListTasksQuery } from '@gridline/contracts-party-building';
import { CommitteeEntity, MeetingEntity, MemberUnitEntity, ResolutionEntity, TaskEntity } from './committee.entity';
import { NO_COUNTS, committeeEventBase, toCaseOpenedData, toCommitteeCreatedData, type CommitteeCounts } from './committee.mapper';
import { hasLeft, isOverdue } from './committee-rules';

/**
 * Work committees with their member units, meetings, resolutions and tasks, read and written in the caller's unit of
 * work; every change records its `events.party-building.committee.*` event (keyed by the committee) in the outbox.
 */
@Injectable()
export class CommitteeRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  async save(): Promise<void> {
    await this.em.flush();
  }

  addCommittee(data: RequiredEntityData<CommitteeEntity>): CommitteeEntity {
    const committee = this.em.create(CommitteeEntity, data);
    this.em.persist(committee);
    this.events.record(PARTY_BUILDING_EVENTS.committeeCreated, committee.id, toCommitteeCreatedData(committee));
    return committee;
  }

  findCommittee(id: string): Promise<CommitteeEntity | null> {
    return this.em.findOne(CommitteeEntity, { id });
  }

  /** The committee, locked for the rest of the transaction (a member unit, meeting or task change under it). */
  lockCommittee(id: string): Promise<CommitteeEntity | null> {
    return this.em.findOne(CommitteeEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The active committee of an exclusive grid, if any. */
  findActiveOfGrid(gridCode: string): Promise<CommitteeEntity | null> {
    return this.em.findOne(CommitteeEntity, { gridCode, active: true });
  }

  /** Committees of grids within `units` (null: everywhere), by the list's unit filter, by grid. */
  async pageCommittees(units: string[] | null, query: ListCommitteesQuery): Promise<OffsetPage<CommitteeEntity>> {
    const where: FilterQuery<CommitteeEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(CommitteeEntity, where.length ? { $and: where } : {}, { orderBy: { gridCode: 'asc', createdAt: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** The figures of each committee's view, as of `today`. */
  async counts(committeeIds: string[], today: string): Promise<Map<string, CommitteeCounts>> {
    const counts = new Map(committeeIds.map((id) => [id, { ...NO_COUNTS }]));
    if (committeeIds.length === 0) return counts;
    const committeeId = { $in: committeeIds };
    const [units, meetings, tasks] = await Promise.all([
      this.em.find(MemberUnitEntity, { committeeId }, { fields: ['committeeId', 'joinedOn', 'leftOn'] }),
      this.em.find(MeetingEntity, { committeeId }, { fields: ['committeeId'] }),
      this.em.find(TaskEntity, { committeeId, status: 'open' }, { fields: ['committeeId', 'status', 'dueOn'] }),
    ]);
    for (const u of units) if (!hasLeft(u, today)) counts.get(u.committeeId)!.memberUnitCount++;
    for (const m of meetings) counts.get(m.committeeId)!.meetingCount++;
    for (const t of tasks) {
      const c = counts.get(t.committeeId)!;
      c.openTaskCount++;
      if (isOverdue(t, today)) c.overdueTaskCount++;
    }
    return counts;
  }

  /** A new member unit with its `member_unit_joined` event (`memberUnitCount`: the committee's members with it). */
  addMemberUnit(committee: CommitteeEntity, data: RequiredEntityData<MemberUnitEntity>, memberUnitCount: number): MemberUnitEntity {
    const unit = this.em.create(MemberUnitEntity, data);
    this.em.persist(unit);
    this.events.record(PARTY_BUILDING_EVENTS.committeeMemberUnitJoined, committee.id, {
      ...committeeEventBase(committee),
      memberUnitId: unit.id,
      kind: unit.kind,
      joinedOn: unit.joinedOn,
      memberUnitCount,
    });
    return unit;
  }

  memberUnits(committeeId: string): Promise<MemberUnitEntity[]> {
    return this.em.find(MemberUnitEntity, { committeeId }, { orderBy: { joinedOn: 'asc', name: 'asc', id: 'asc' } });
  }

  findMemberUnit(committeeId: string, id: string): Promise<MemberUnitEntity | null> {
    return this.em.findOne(MemberUnitEntity, { committeeId, id });
  }

  /** A meeting with its resolutions and their tasks, and the `meeting_held` event (counts only). */
  addMeeting(committee: CommitteeEntity, meeting: RequiredEntityData<MeetingEntity>, resolutions: RequiredEntityData<ResolutionEntity>[], tasks: RequiredEntityData<TaskEntity>[]) {
    const m = this.em.create(MeetingEntity, meeting);
    const rs = resolutions.map((r) => this.em.create(ResolutionEntity, r));
    const ts = tasks.map((t) => this.em.create(TaskEntity, t));
    this.em.persist([m, ...rs, ...ts]);
    this.events.record(PARTY_BUILDING_EVENTS.committeeMeetingHeld, committee.id, {
      ...committeeEventBase(committee),
      meetingId: m.id,
      heldAt: m.heldAt.toISOString(),
      presentCount: m.presentUnitIds.length,
      agendaItemCount: m.agenda.length,
      resolutionCount: rs.length,
      taskCount: ts.length,
    });
    return { meeting: m, resolutions: rs, tasks: ts };
  }

  meetings(committeeId: string): Promise<MeetingEntity[]> {
    return this.em.find(MeetingEntity, { committeeId }, { orderBy: { heldAt: 'desc', id: 'asc' } });
  }

  resolutionsOf(meetingIds: string[]): Promise<ResolutionEntity[]> {
    return meetingIds.length ? this.em.find(ResolutionEntity, { meetingId: { $in: meetingIds } }, { orderBy: { position: 'asc' } }) : Promise.resolve([]);
  }

  tasksOfMeetings(meetingIds: string[]): Promise<TaskEntity[]> {
    return meetingIds.length ? this.em.find(TaskEntity, { meetingId: { $in: meetingIds } }) : Promise.resolve([]);
  }

  /** The resolution, locked (a hand-off to incidents must not run twice at once). */
  lockResolution(committeeId: string, id: string): Promise<ResolutionEntity | null> {
    return this.em.findOne(ResolutionEntity, { committeeId, id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findResolution(committeeId: string, id: string): Promise<ResolutionEntity | null> {
    return this.em.findOne(ResolutionEntity, { committeeId, id });
  }

  findMeeting(committeeId: string, id: string): Promise<MeetingEntity | null> {
    return this.em.findOne(MeetingEntity, { committeeId, id });
  }

  taskOfResolution(resolutionId: string): Promise<TaskEntity | null> {
    return this.em.findOne(TaskEntity, { resolutionId });
  }

  /** Records that a resolution became a grid case (`case_opened`). */
  caseOpened(committee: CommitteeEntity, resolution: ResolutionEntity, caseId: string): void {
    resolution.caseId = caseId;
    this.events.record(PARTY_BUILDING_EVENTS.committeeCaseOpened, committee.id, toCaseOpenedData(committee, resolution, caseId));
  }

  /** The committee's tasks by status and overdue (as of `today`), soonest due first. */
  async pageTasks(committeeId: string, query: ListTasksQuery, today: string): Promise<OffsetPage<TaskEntity>> {
    const where: FilterQuery<TaskEntity>[] = [{ committeeId }];
    if (query.status) where.push({ status: query.status });
    if (query.overdue === true) where.push({ status: 'open', dueOn: { $lt: today } });
    if (query.overdue === false) where.push({ $or: [{ status: { $ne: 'open' } }, { dueOn: { $gte: today } }] });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(TaskEntity, { $and: where }, { orderBy: { dueOn: 'asc', createdAt: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  lockTask(committeeId: string, id: string): Promise<TaskEntity | null> {
    return this.em.findOne(TaskEntity, { committeeId, id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Records `task_updated` for a changed task (the change itself is flushed with the unit of work). */
  taskChanged(committee: CommitteeEntity, task: TaskEntity, changed: string[]): void {
    task.updatedAt = new Date();
    this.events.record(PARTY_BUILDING_EVENTS.committeeTaskUpdated, committee.id, {
      ...committeeEventBase(committee),
      taskId: task.id,
      resolutionId: task.resolutionId,
      status: task.status,
      dueOn: task.dueOn,
      changed,
    });
  }
}
