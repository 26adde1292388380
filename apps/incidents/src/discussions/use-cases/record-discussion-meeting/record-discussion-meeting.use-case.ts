import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { chinaDay, fieldPath } from '@gridline/platform';
import { INCIDENTS_EVENTS, type DiscussionView } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { incidentInvalid } from '../../../incident/incident.errors';
import { MeetingOwners, type OwnerFields } from '../../../joint-discussion/meeting-owners';
import { assertNotInFuture } from '../../../visits/china-day';
import { runs } from '../../discussion-rules';
import { discussionClosed, meetingRecorded, notRunner } from '../../discussion.errors';
import { discussionNames, toDiscussionView } from '../../discussion.mapper';
import { DiscussionRepository } from '../../discussion.repository';
import { DiscussionVisibility } from '../../discussion-visibility';
import type { RecordDiscussionMeetingCommand } from './record-discussion-meeting.command';

const TASK_FIELDS: OwnerFields = { owner: (i) => fieldPath('tasks', i), department: (i) => fieldPath('tasks', i, 'departmentCode'), unit: (i) => fieldPath('tasks', i, 'unitCode') };

/**
 * Records a candidate discussion's meeting (participants, day, decision) and makes its decisions tasks — each with
 * one owner (an active department of the responsibility list, or a unit of the street in the caller's scope), a due
 * day (China time, today or later) and what to do — with a `task_assigned` event per task, in one transaction.
 * Once per discussion, by the street's grid centre, while it is open.
 */
@Injectable()
export class RecordDiscussionMeetingUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly visibility: DiscussionVisibility,
    private readonly owners: MeetingOwners,
    private readonly reference: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, discussionId, meeting }: RecordDiscussionMeetingCommand): Promise<DiscussionView> {
    const activeDepartments = await this.owners.departments(meeting.tasks);
    return this.transactions.run(async () => {
      const { discussion: d } = await this.visibility.see(caller, await this.discussions.findByIdLocked(discussionId), discussionId);
      if (!runs(caller, d)) throw notRunner();
      if (d.status === 'closed') throw discussionClosed();
      if (d.meetingAt) throw meetingRecorded();
      assertNotInFuture('date', meeting.date);
      const now = new Date();
      const today = chinaDay(now);
      for (const [i, task] of meeting.tasks.entries()) if (task.dueOn < today) throw incidentInvalid(fieldPath('tasks', i, 'dueOn'), `must not be in the past (today is ${today}, China time)`);
      const owners = await this.owners.check(caller, meeting.tasks, activeDepartments, TASK_FIELDS, d.streetCode);

      d.participants = [...new Set(meeting.participants)];
      d.meetingDate = meeting.date;
      d.decision = meeting.decision;
      d.meetingBy = caller.sub;
      d.meetingAt = now;
      const tasks = meeting.tasks.map((task, position) => {
        const owner = owners[position];
        const unit = 'unitCode' in owner ? owner.unit : null;
        return this.discussions.addTask({
          id: randomUUID(),
          discussionId: d.id,
          position,
          ownerKind: unit ? 'unit' : 'department',
          ownerCode: 'unitCode' in owner ? owner.unitCode : owner.departmentCode,
          ownerLevel: unit ? (unit.level === 'exclusive_grid' ? 'grid' : unit.level) : null,
          ownerPath: unit ? unit.path : null,
          dueOn: task.dueOn,
          description: task.description,
          status: 'open',
          createdAt: now,
        });
      });
      for (const task of tasks) this.discussions.record(INCIDENTS_EVENTS.discussionTaskAssigned, d, tasks, { taskId: task.id, actor: caller.sub, at: now });
      await this.discussions.save();
      return toDiscussionView(d, caller, await this.reference.names(discussionNames([d], tasks)), tasks);
    });
  }
}
