import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';
import type { CaseHandoff, OpenedCase } from '../../../cases/case-handoff';
import { CommitteeEntity, MeetingEntity, ResolutionEntity, TaskEntity } from '../../committee.entity';
import type { CommitteeRepository } from '../../committee.repository';
import { OpenResolutionCaseCommand } from './open-resolution-case.command';
import { OpenResolutionCaseUseCase } from './open-resolution-case.use-case';

const PATH = ['370502003', '370502003001', '370502003001901'];
const COMMITTEE = 'c0000000-0000-4000-8000-000000000001';
const RESOLUTION = 'r0000000-0000-4000-8000-000000000001';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: ['370502003001'] };
const OUTSIDER: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: ['370502003002'] };

function setup(task: TaskEntity | null = null) {
  const committee = Object.assign(new CommitteeEntity(), { id: COMMITTEE, name: '淮河路商圈工作委员会', gridCode: PATH[2], path: PATH, jointBranchId: null, foundedOn: '2022-07-09', convenorPost: 'x' });
  const resolution = Object.assign(new ResolutionEntity(), { id: RESOLUTION, committeeId: COMMITTEE, meetingId: 'm', position: 2, text: '东侧垃圾堆放上报网格' });
  const meeting = Object.assign(new MeetingEntity(), { id: 'm', committeeId: COMMITTEE, heldAt: new Date('2022-07-09T11:30:00Z'), title: '第一次工作委员会会议' });
  const committees = {
    findCommittee: jest.fn(async (id: string) => (id === COMMITTEE ? committee : null)),
    findResolution: jest.fn(async (_c: string, id: string) => (id === RESOLUTION ? resolution : null)),
    lockResolution: jest.fn(async () => resolution),
    taskOfResolution: jest.fn(async () => task),
    findMeeting: jest.fn(async () => meeting),
    caseOpened: jest.fn((_c: CommitteeEntity, r: ResolutionEntity, caseId: string) => {
      r.caseId = caseId;
    }),
    save: jest.fn(),
  };
  // A hand-off that opens one case per origin and links it on the first call only, as the real one does.
  const opened = new Map<string, OpenedCase>();
  const handoff = {
    open: jest.fn(async (origin: { kind: string; id: string }, _report: unknown, link: (o: OpenedCase) => Promise<void>) => {
      const earlier = opened.get(origin.id);
      if (earlier) return { ...earlier, replayed: true };
      const first = { incidentId: 'case-1', workOrder: 'GX-1', replayed: false };
      opened.set(origin.id, first);
      await link(first);
      return first;
    }),
  };
  const useCase = new OpenResolutionCaseUseCase(committees as unknown as CommitteeRepository, handoff as unknown as CaseHandoff);
  return { useCase, committees, handoff };
}

const open = (caller: Caller, resolutionId = RESOLUTION) => new OpenResolutionCaseCommand(caller, { committeeId: COMMITTEE, resolutionId, categoryCode: 'ENV.GARBAGE' });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(OpenResolutionCaseUseCase.name, () => {
  it('hands the resolution to incidents as a case of the exclusive grid, linked once however often asked', async () => {
    const { useCase, committees, handoff } = setup();
    const first = await useCase.execute(open(SECRETARY));
    expect(first).toEqual({ resolution: { id: RESOLUTION, position: 2, text: '东侧垃圾堆放上报网格', taskId: null, caseId: 'case-1' }, caseId: 'case-1', workOrder: 'GX-1', replayed: false });
    expect(handoff.open).toHaveBeenCalledWith(
      { kind: 'committee_resolution', id: RESOLUTION },
      expect.objectContaining({ categoryCode: 'ENV.GARBAGE', gridCode: PATH[2], source: 'party_committee', title: '东侧垃圾堆放上报网格', description: expect.stringContaining('第一次工作委员会会议（2022-07-09）决议第2项') }),
      expect.any(Function),
    );
    expect((await useCase.execute(open(SECRETARY))).replayed).toBe(true);
    expect(committees.caseOpened).toHaveBeenCalledTimes(1);
  });

  it('refuses a resolution that became a task, and answers what is out of scope or unknown as not found', async () => {
    const withTask = setup(new TaskEntity());
    expect((await failure(withTask.useCase.execute(open(SECRETARY)))).details).toMatchObject({ field: 'resolutionId' });
    expect(withTask.handoff.open).not.toHaveBeenCalled();
    const { useCase, handoff } = setup();
    expect((await failure(useCase.execute(open(OUTSIDER)))).code).toBe(PartyErrorCode.CommitteeNotFound);
    expect((await failure(useCase.execute(open(SECRETARY, 'r0000000-0000-4000-8000-000000000009')))).code).toBe(PartyErrorCode.CommitteeNotFound);
    expect(handoff.open).not.toHaveBeenCalled();
  });
});
