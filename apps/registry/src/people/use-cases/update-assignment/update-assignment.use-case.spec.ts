import type { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import type { Outbox } from '@gridline/messaging';
import { UnitEntity } from '../../../unit/unit.entity';
import { AssignmentEntity } from '../../assignment.entity';
import { PersonEntity } from '../../person.entity';
import type { PeopleRepository } from '../../people.repository';
import { UpdateAssignmentCommand } from './update-assignment.command';
import { UpdateAssignmentUseCase } from './update-assignment.use-case';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const ID = '0b7e4c59-3c1e-4f7a-8f43-0d7c6f0b2a10';
const CENTRE: Caller = { sub: 'c', roles: ['community_admin'], units: [COMMUNITY] };

function setup(assignment: Partial<AssignmentEntity> = {}) {
  const row = Object.assign(new AssignmentEntity(), { id: ID, personId: 'p', unitCode: GRID, role: 'grid_staff', startsOn: '2026-01-01', endsOn: null, workPhone: '0546-8221234', ...assignment });
  const grid = Object.assign(new UnitEntity(), { code: GRID, level: 'grid', path: [STREET, COMMUNITY, GRID], active: true });
  const person = Object.assign(new PersonEntity(), { id: 'p', name: '王晓梅', phoneEnc: 'v1:token' });
  const transactions = { open: false, run: jest.fn(async (work: () => Promise<unknown>) => { transactions.open = true; try { return await work(); } finally { transactions.open = false; } }) };
  const people = {
    findAssignment: jest.fn(async (id: string) => (id === ID ? row : null)),
    findUnit: jest.fn(async () => grid),
    findPerson: jest.fn(async () => person),
    lockAssignment: jest.fn(async () => row),
    flush: jest.fn(),
  };
  const events = { record: jest.fn((..._: unknown[]) => expect(transactions.open).toBe(true)) };
  const personalData = { maskedPhone: jest.fn(() => '138****1234') };
  const useCase = new UpdateAssignmentUseCase(people as unknown as PeopleRepository, personalData as unknown as PersonalDataService, events as unknown as Outbox, transactions as unknown as TransactionRunner);
  return { useCase, events, row };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(UpdateAssignmentUseCase.name, () => {
  it('changes the published work phone and records assignment.updated naming the field, without the number', async () => {
    const { useCase, events, row } = setup();
    const view = await useCase.execute(new UpdateAssignmentCommand(CENTRE, ID, { workPhone: '0546-8229999' }));
    expect(view).toMatchObject({ id: ID, workPhone: '0546-8229999', personPhone: '138****1234' });
    expect(row.workPhone).toBe('0546-8229999');
    expect(events.record).toHaveBeenCalledWith(REGISTRY_EVENTS.assignmentUpdated, ID, {
      assignment: { id: ID, personId: 'p', unitCode: GRID, role: 'grid_staff', startsOn: '2026-01-01', endsOn: null, source: null },
      changed: ['workPhone'],
    });
    expect(JSON.stringify(events.record.mock.calls[0][2])).not.toContain('8229999');
  });

  it('withdraws it with null, and records nothing when nothing changes', async () => {
    const { useCase, events } = setup();
    expect((await useCase.execute(new UpdateAssignmentCommand(CENTRE, ID, { workPhone: null }))).workPhone).toBeNull();
    expect(events.record).toHaveBeenCalledTimes(1);
    await useCase.execute(new UpdateAssignmentCommand(CENTRE, ID, { workPhone: null }));
    expect(events.record).toHaveBeenCalledTimes(1);
  });

  it('refuses a missing or malformed work phone with 400 naming workPhone', async () => {
    const { useCase, row } = setup();
    for (const workPhone of [undefined, '8221234']) {
      const error = await failure(useCase.execute(new UpdateAssignmentCommand(CENTRE, ID, { workPhone })));
      expect(error.details?.fields).toEqual([{ field: 'workPhone', reasons: [expect.any(String)] }]);
    }
    expect(row.workPhone).toBe('0546-8221234');
  });

  it('answers an assignment outside the scope like an unknown one, and refuses roles that do not keep people first', async () => {
    const { useCase } = setup();
    const outside = await failure(useCase.execute(new UpdateAssignmentCommand({ sub: 'o', roles: ['community_admin'], units: ['370502003002'] }, ID, { workPhone: null })));
    const unknown = await failure(useCase.execute(new UpdateAssignmentCommand(CENTRE, '6f1c2b8e-8a55-4f0e-9a57-0d1d1f7e2a11', { workPhone: null })));
    expect([outside.kind, outside.code]).toEqual([unknown.kind, unknown.code]);
    expect(outside.message).not.toContain(GRID);
    expect((await failure(useCase.execute(new UpdateAssignmentCommand({ sub: 's', roles: ['grid_staff'], units: [GRID] }, ID, { workPhone: null })))).kind).toBe('forbidden');
  });

  it('refuses to change an assignment that has ended (409)', async () => {
    const { useCase } = setup({ endsOn: '2026-01-31' });
    expect((await failure(useCase.execute(new UpdateAssignmentCommand(CENTRE, ID, { workPhone: null })))).kind).toBe('conflict');
  });
});
