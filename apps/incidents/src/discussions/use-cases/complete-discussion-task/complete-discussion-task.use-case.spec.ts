import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { immediateTransactions } from '@gridline/persistence';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { NameBook, type ReferenceRepository } from '@gridline/registry-reference';
import type { DiscussionEntity, DiscussionTaskEntity } from '../../discussion.entities';
import type { DiscussionRepository } from '../../discussion.repository';
import { CompleteDiscussionTaskCommand } from './complete-discussion-task.command';
import { CompleteDiscussionTaskUseCase } from './complete-discussion-task.use-case';

const STREET = '370502003';
const GRID = '370502003001001';
const URBAN: Caller = { sub: 'urban-1', roles: ['department'], units: ['URBAN_MGMT'] };
const STAFF: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] };

function setUp(statuses: DiscussionTaskEntity['status'][], discussionStatus: DiscussionEntity['status'] = 'open') {
  const discussion = { id: 'd-1', candidateId: 'c-1', streetCode: STREET, unitCode: GRID, unitPath: [STREET, '370502003001', GRID], categoryCode: 'ENV.GARBAGE', status: discussionStatus } as DiscussionEntity;
  const tasks = statuses.map(
    (status, i) =>
      ({
        id: `t-${i}`,
        discussionId: 'd-1',
        position: i,
        ownerKind: i === 0 ? 'department' : 'unit',
        ownerCode: i === 0 ? 'URBAN_MGMT' : GRID,
        ownerLevel: i === 0 ? null : 'grid',
        ownerPath: i === 0 ? null : discussion.unitPath,
        dueOn: '2026-12-10',
        status,
        createdAt: new Date(),
        doneAt: null,
        overdueAt: null,
      }) as unknown as DiscussionTaskEntity,
  );
  const recorded: { event: string; status: string; taskId: string | null | undefined }[] = [];
  const repository = {
    findTaskLocked: async (id: string) => tasks.find((t) => t.id === id) ?? null,
    findByIdLocked: async () => discussion,
    tasksOf: async () => tasks,
    record: (definition: { event: string }, d: DiscussionEntity, _tasks: unknown, extra: { taskId?: string | null }) => recorded.push({ event: definition.event, status: d.status, taskId: extra.taskId }),
    save: async () => undefined,
  };
  const reference = { names: async () => NameBook.EMPTY };
  const useCase = new CompleteDiscussionTaskUseCase(repository as unknown as DiscussionRepository, reference as unknown as ReferenceRepository, immediateTransactions);
  return { useCase, discussion, tasks, recorded };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(CompleteDiscussionTaskUseCase.name, () => {
  it('marks the task done with its result and leaves the discussion open while another task is not done', async () => {
    const { useCase, discussion, recorded } = setUp(['open', 'overdue']);
    const view = await useCase.execute(new CompleteDiscussionTaskCommand(URBAN, 't-0', '已清运'));
    expect(view).toMatchObject({ id: 't-0', status: 'done', result: '已清运', doneBy: 'urban-1', mayComplete: false });
    expect(discussion.status).toBe('open');
    expect(recorded).toEqual([{ event: INCIDENTS_EVENTS.discussionTaskCompleted.event, status: 'open', taskId: 't-0' }]);
  });

  it('closes the discussion when the last task is done, an overdue one too', async () => {
    const { useCase, discussion, recorded } = setUp(['done', 'overdue']);
    await useCase.execute(new CompleteDiscussionTaskCommand(STAFF, 't-1', '已巡查'));
    expect(discussion).toMatchObject({ status: 'closed', closedBy: 'staff-1' });
    expect(recorded.map((r) => [r.event, r.status])).toEqual([
      ['task_completed', 'open'],
      ['closed', 'closed'],
    ]);
  });

  it('answers 404 to a caller who may not see the task, before telling it is done', async () => {
    const { useCase, recorded } = setUp(['done', 'open']);
    expect((await refusal(useCase.execute(new CompleteDiscussionTaskCommand(STAFF, 't-0', 'x')))).code).toBe('DISCUSSION_TASK_NOT_FOUND');
    expect((await refusal(useCase.execute(new CompleteDiscussionTaskCommand(URBAN, 'missing', 'x')))).code).toBe('DISCUSSION_TASK_NOT_FOUND');
    expect((await refusal(useCase.execute(new CompleteDiscussionTaskCommand(URBAN, 't-0', 'x')))).code).toBe('DISCUSSION_TASK_DONE');
    expect(recorded).toEqual([]);
  });

  it('refuses a task of a closed discussion with 409', async () => {
    const { useCase, tasks } = setUp(['open', 'open'], 'closed');
    expect((await refusal(useCase.execute(new CompleteDiscussionTaskCommand(URBAN, 't-0', 'x')))).code).toBe('DISCUSSION_CLOSED');
    expect(tasks[0].status).toBe('open');
  });
});
