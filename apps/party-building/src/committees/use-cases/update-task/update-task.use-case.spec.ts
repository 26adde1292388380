import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { immediateTransactions } from '@gridline/persistence';
import { PartyErrorCode } from '@gridline/contracts-party-building';
import { CommitteeEntity, MemberUnitEntity, TaskEntity } from '../../committee.entity';
import type { CommitteeRepository } from '../../committee.repository';
import type { TaskOwners } from '../../task-owners';
import { UpdateTaskCommand } from './update-task.command';
import { UpdateTaskUseCase } from './update-task.use-case';

const PATH = ['370502003', '370502003001', '370502003001901'];
const COMMITTEE = 'c0000000-0000-4000-8000-000000000001';
const TASK = 't0000000-0000-4000-8000-000000000001';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: ['370502003001'] };
const OUTSIDER: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: ['370502003002'] };
const READER: Caller = { sub: 'inst-1', roles: ['grid_instructor'], units: ['370502003001'] };

function setup(task: Partial<TaskEntity> = {}, ownerProblem: string | null = null) {
  const committee = Object.assign(new CommitteeEntity(), { id: COMMITTEE, name: '工作委员会', gridCode: PATH[2], path: PATH, jointBranchId: null, foundedOn: '2022-07-09', convenorPost: 'x' });
  const row = Object.assign(new TaskEntity(), { id: TASK, committeeId: COMMITTEE, meetingId: 'm', resolutionId: 'r', title: '整治停车', ownerKind: 'member_unit', ownerId: 'unit-1', dueOn: '2022-08-31', ...task });
  const unit = Object.assign(new MemberUnitEntity(), { id: 'unit-1', name: '某某物业', joinedOn: '2022-07-09' });
  const committees = {
    findCommittee: jest.fn(async (id: string) => (id === COMMITTEE ? committee : null)),
    lockTask: jest.fn(async (_c: string, id: string) => (id === TASK ? row : null)),
    memberUnits: jest.fn(async () => [unit]),
    taskChanged: jest.fn(),
    save: jest.fn(),
  };
  const owners = { problem: jest.fn(async () => ownerProblem), names: jest.fn(async () => new Map([['unit-1', '某某物业'], ['org-1', '联合党支部']])) };
  const useCase = new UpdateTaskUseCase(committees as unknown as CommitteeRepository, owners as unknown as TaskOwners, immediateTransactions);
  return { useCase, committees, row };
}

const update = (caller: Caller, changes: object) => new UpdateTaskCommand(caller, { committeeId: COMMITTEE, taskId: TASK, ...changes });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(UpdateTaskUseCase.name, () => {
  it('marks an open task done with its note, recording task_updated once', async () => {
    const { useCase, committees, row } = setup();
    const view = await useCase.execute(update(SECRETARY, { status: 'done', note: '已划定停车区' }));
    expect(view).toMatchObject({ status: 'done', note: '已划定停车区', overdue: false, owner: { kind: 'member_unit', id: 'unit-1', name: '某某物业' } });
    expect(row.closedAt).toBeInstanceOf(Date);
    expect(committees.taskChanged).toHaveBeenCalledWith(expect.objectContaining({ id: COMMITTEE }), row, ['status']);
    expect(committees.save).toHaveBeenCalledTimes(1);
  });

  it('refuses done without a note and any move out of done, changing nothing', async () => {
    const { useCase, committees } = setup();
    expect((await failure(useCase.execute(update(SECRETARY, { status: 'done' })))).details).toMatchObject({ field: 'note' });
    const closed = setup({ status: 'done', note: 'x' });
    const reopened = await failure(closed.useCase.execute(update(SECRETARY, { status: 'open' })));
    expect(reopened).toMatchObject({ code: PartyErrorCode.CommitteeRule, kind: 'rule_violation', details: { field: 'status' } });
    expect(committees.taskChanged).not.toHaveBeenCalled();
    expect(closed.committees.save).not.toHaveBeenCalled();
  });

  it('re-assigns and re-dates an open task, refusing an owner the committee does not have', async () => {
    const { useCase, row } = setup();
    await useCase.execute(update(SECRETARY, { owner: { kind: 'organisation', id: 'org-1' }, dueOn: '2022-09-30' }));
    expect(row).toMatchObject({ ownerKind: 'organisation', ownerId: 'org-1', dueOn: '2022-09-30' });
    const refused = setup({}, 'is not a member unit of the committee');
    expect((await failure(refused.useCase.execute(update(SECRETARY, { owner: { kind: 'member_unit', id: 'unit-9' } })))).details).toEqual({ fields: [{ field: 'owner.id', reasons: ['is not a member unit of the committee'] }] });
  });

  it('answers a committee out of scope as not found, and refuses readers', async () => {
    const { useCase } = setup();
    expect((await failure(useCase.execute(update(OUTSIDER, { status: 'cancelled' })))).code).toBe(PartyErrorCode.CommitteeNotFound);
    expect((await failure(useCase.execute(update(READER, { status: 'cancelled' })))).kind).toBe('forbidden');
    expect((await failure(useCase.execute(update(SECRETARY, {})))).details).toEqual({ fields: [{ field: 'body', reasons: ['must change status, dueOn or owner'] }] });
  });
});
