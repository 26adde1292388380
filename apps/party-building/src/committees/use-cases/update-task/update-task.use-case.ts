import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, type TaskView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound, committeeRule } from '../../committee.errors';
import { toTaskView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import { taskChangeProblem } from '../../committee-rules';
import { TaskOwners } from '../../task-owners';
import type { UpdateTaskCommand } from './update-task.command';

/**
 * Changes a task of a committee the caller keeps: open → done (with a note) or cancelled; the due date and owner of an
 * open task. Records `task_updated`; nothing changed records nothing.
 */
@Injectable()
export class UpdateTaskUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly owners: TaskOwners,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, changes }: UpdateTaskCommand): Promise<TaskView> {
    requireRole(caller, PARTY_KEEPERS, 'change committee tasks');
    const { committeeId, taskId, ...change } = changes;
    if (Object.values(change).every((v) => v === undefined)) throw partyInvalid('body', 'must change status, dueOn or owner');
    const today = chinaDay();
    return this.transactions.run(async () => {
      const committee = await this.committees.findCommittee(committeeId);
      if (!committee || !PartyScope.keeps(caller, committee.path)) throw committeeNotFound('committee', committeeId);
      const task = await this.committees.lockTask(committee.id, taskId);
      if (!task) throw committeeNotFound('task', taskId);
      const problem = taskChangeProblem(task, change);
      if (problem) throw committeeRule(problem.field, problem.reason);
      const memberUnits = await this.committees.memberUnits(committee.id);
      const changed: string[] = [];
      if (change.owner && (change.owner.kind !== task.ownerKind || change.owner.id !== task.ownerId)) {
        const ownerProblem = await this.owners.problem(caller, change.owner, memberUnits, today);
        if (ownerProblem) throw partyInvalid('owner.id', ownerProblem);
        task.ownerKind = change.owner.kind;
        task.ownerId = change.owner.id;
        changed.push('owner');
      }
      if (change.dueOn !== undefined && change.dueOn !== task.dueOn) {
        task.dueOn = change.dueOn;
        changed.push('dueOn');
      }
      if (change.status !== undefined && change.status !== task.status) {
        task.status = change.status;
        task.note = change.note ?? null;
        task.closedAt = new Date();
        changed.push('status');
      }
      if (changed.length > 0) {
        this.committees.taskChanged(committee, task, changed);
        await this.committees.save();
      }
      const names = await this.owners.names([task], memberUnits);
      return toTaskView(task, names.get(task.ownerId) ?? null, today);
    });
  }
}
