import type { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { AppError, periodsOverlap } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { REGISTRY_EVENTS, type AssignPersonBody } from '@gridline/contracts-registry';
import type { Outbox } from '@gridline/messaging';
import { UnitEntity } from '../../../unit/unit.entity';
import { AssignmentEntity } from '../../assignment.entity';
import { PersonEntity } from '../../person.entity';
import type { PeopleRepository } from '../../people.repository';
import { AssignPersonCommand } from './assign-person.command';
import { AssignPersonUseCase } from './assign-person.use-case';

const ADMIN: Caller = { sub: 'a', roles: ['admin'], units: [] };
const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const PERSON_ID = '6f1c2b8e-8a55-4f0e-9a57-0d1d1f7e2a11';

function unit(code: string, level: UnitEntity['level'], path: string[], active = true): UnitEntity {
  return Object.assign(new UnitEntity(), { code, name: code, level, path, active });
}

/** A repository over a street, a community, an active and an inactive grid, one person and the given assignments. */
function setup(existing: AssignmentEntity[] = []) {
  const units = [
    unit(STREET, 'street', [STREET]),
    unit(COMMUNITY, 'community', [STREET, COMMUNITY]),
    unit(GRID, 'grid', [STREET, COMMUNITY, GRID]),
    unit('370502003001002', 'grid', [STREET, COMMUNITY, '370502003001002'], false),
  ];
  const person = Object.assign(new PersonEntity(), { id: PERSON_ID, name: '王晓梅', phoneEnc: 'v1:token' });
  const transactions = { open: false, run: jest.fn(async (work: () => Promise<unknown>) => { transactions.open = true; try { return await work(); } finally { transactions.open = false; } }) };
  const people = {
    findUnit: jest.fn(async (code: string) => units.find((u) => u.code === code) ?? null),
    lockPerson: jest.fn(async (id: string) => (id === PERSON_ID ? person : null)),
    unitPathsOfPerson: jest.fn(async (id: string) =>
      [...new Set(existing.filter((a) => a.personId === id).map((a) => a.unitCode))].map((code) => units.find((u) => u.code === code)?.path ?? [code]),
    ),
    findOverlapping: jest.fn(async (c: AssignmentEntity) =>
      existing.find((a) => a.personId === c.personId && a.unitCode === c.unitCode && a.role === c.role && periodsOverlap(a, c)) ?? null,
    ),
    addAssignment: jest.fn((data: Partial<AssignmentEntity>) => Object.assign(new AssignmentEntity(), data)),
    flush: jest.fn(),
  };
  const personalData = { maskedPhone: jest.fn((enc: string | null) => (enc ? '138****1234' : null)) };
  const events = { record: jest.fn((..._: unknown[]) => expect(transactions.open).toBe(true)) };
  const useCase = new AssignPersonUseCase(
    people as unknown as PeopleRepository,
    personalData as unknown as PersonalDataService,
    events as unknown as Outbox,
    transactions as unknown as TransactionRunner,
  );
  return { useCase, people, events, transactions };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const fieldOf = (error: AppError) => (error.details?.fields as { field: string }[] | undefined)?.[0]?.field;

describe(AssignPersonUseCase.name, () => {
  const body: AssignPersonBody = { personId: PERSON_ID, role: 'grid_staff' };

  beforeEach(() => {
    // 16:30 UTC on 31 March is already 1 April in China.
    jest.useFakeTimers({ now: new Date('2026-03-31T16:30:00Z'), doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval'] });
  });

  afterEach(() => jest.useRealTimers());

  it('assigns from today in China and records assignment.created in the same transaction, without the phone', async () => {
    const { useCase, events, people } = setup();
    const view = await useCase.execute(new AssignPersonCommand(ADMIN, GRID, body));
    expect(view).toMatchObject({ personId: PERSON_ID, unitCode: GRID, role: 'grid_staff', startsOn: '2026-04-01', endsOn: null, active: true, personPhone: '138****1234' });
    expect(people.addAssignment).toHaveBeenCalledTimes(1);
    expect(events.record).toHaveBeenCalledWith(REGISTRY_EVENTS.assignmentCreated, view.id, {
      assignment: { id: view.id, personId: PERSON_ID, unitCode: GRID, role: 'grid_staff', startsOn: '2026-04-01', endsOn: null, source: null },
    });
    expect(people.flush).toHaveBeenCalled();
  });

  it('refuses an unknown unit with 404 and an inactive one naming unitCode, before opening a transaction', async () => {
    const { useCase, transactions } = setup();
    expect((await failure(useCase.execute(new AssignPersonCommand(ADMIN, '370502003001009', body)))).code).toBe('UNIT_NOT_FOUND');
    const inactive = await failure(useCase.execute(new AssignPersonCommand(ADMIN, '370502003001002', body)));
    expect([inactive.code, fieldOf(inactive)]).toEqual(['ASSIGNMENT_INVALID', 'unitCode']);
    expect(transactions.run).not.toHaveBeenCalled();
  });

  it.each([
    ['grid_staff', COMMUNITY],
    ['building_chief', STREET],
    ['community_police', STREET],
  ] as const)('refuses %s on the level of %s, naming role', async (role, code) => {
    const { useCase } = setup();
    const error = await failure(useCase.execute(new AssignPersonCommand(ADMIN, code, { ...body, role })));
    expect([error.code, error.kind, fieldOf(error)]).toEqual(['ASSIGNMENT_INVALID', 'validation', 'role']);
  });

  it('refuses an end before the start, naming endsOn', async () => {
    const { useCase } = setup();
    const error = await failure(useCase.execute(new AssignPersonCommand(ADMIN, GRID, { ...body, endsOn: '2026-03-31' })));
    expect(fieldOf(error)).toBe('endsOn');
  });

  it('refuses an overlapping period of the same role on the same unit with 409, and records nothing', async () => {
    const held = Object.assign(new AssignmentEntity(), { personId: PERSON_ID, unitCode: GRID, role: 'grid_staff', startsOn: '2026-01-01', endsOn: '2026-04-01' });
    const { useCase, events } = setup([held]);
    const error = await failure(useCase.execute(new AssignPersonCommand(ADMIN, GRID, body)));
    expect([error.code, error.kind]).toEqual(['ASSIGNMENT_CONFLICT', 'conflict']);
    expect(events.record).not.toHaveBeenCalled();
    // the day after the held period ends is free
    await useCase.execute(new AssignPersonCommand(ADMIN, GRID, { ...body, startsOn: '2026-04-02' }));
    expect(events.record).toHaveBeenCalledTimes(1);
  });

  it('refuses callers outside their roles or scope', async () => {
    const { useCase } = setup();
    const otherCommunity: Caller = { sub: 'c', roles: ['community_admin'], units: ['370502003002'] };
    expect((await failure(useCase.execute(new AssignPersonCommand(otherCommunity, GRID, body)))).code).toBe('UNIT_OUT_OF_SCOPE');
    const staff: Caller = { sub: 'g', roles: ['grid_staff'], units: [GRID] };
    expect((await failure(useCase.execute(new AssignPersonCommand(staff, GRID, body)))).code).toBe('FORBIDDEN');
  });

  it('answers 404 for an unknown person', async () => {
    const { useCase } = setup();
    const error = await failure(useCase.execute(new AssignPersonCommand(ADMIN, GRID, { ...body, personId: '00000000-0000-4000-8000-000000000000' })));
    expect(error.code).toBe('PERSON_NOT_FOUND');
  });

  it('lets a community centre place a person who works nowhere yet', async () => {
    const { useCase, events } = setup();
    const community: Caller = { sub: 'c', roles: ['community_admin'], units: [COMMUNITY] };
    await expect(useCase.execute(new AssignPersonCommand(community, GRID, body))).resolves.toMatchObject({ personId: PERSON_ID, personName: '王晓梅' });
    expect(events.record).toHaveBeenCalledTimes(1);
  });

  it('answers a person who works only outside the caller\'s scope like an unknown one: 404, no name, nothing recorded', async () => {
    const elsewhere = Object.assign(new AssignmentEntity(), { personId: PERSON_ID, unitCode: '370502003009001', role: 'grid_staff', startsOn: '2025-01-01', endsOn: null });
    const { useCase, events } = setup([elsewhere]);
    const community: Caller = { sub: 'c', roles: ['community_admin'], units: [COMMUNITY] };
    const error = await failure(useCase.execute(new AssignPersonCommand(community, GRID, body)));
    expect([error.code, error.kind]).toEqual(['PERSON_NOT_FOUND', 'not_found']);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('王晓梅');
    expect(events.record).not.toHaveBeenCalled();
  });
});
