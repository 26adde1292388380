import { SYSTEM_CALLER } from '@gridline/auth';
import { immediateTransactions } from '@gridline/persistence';
import { AppError } from '@gridline/platform';
import type { Outbox } from '@gridline/messaging';
import type { RegistrationEventData, RegistrationsClient } from '@gridline/contracts-party-building';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { UnitEntity } from '../../../unit/unit.entity';
import { AssignmentEntity } from '../../assignment.entity';
import { PersonEntity } from '../../person.entity';
import type { PeopleRepository } from '../../people.repository';
import { AssignRegisteredMemberCommand } from './assign-registered-member.command';
import { AssignRegisteredMemberUseCase } from './assign-registered-member.use-case';

const GRID = '370502003001001';
const REGISTRATION: RegistrationEventData = {
  registrationId: 'r0000000-0000-4000-8000-000000000001', memberId: 'm0000000-0000-4000-8000-000000000001', state: 'approved',
  communityCode: '370502003001', gridCode: GRID, unitPath: ['370502003', '370502003001', GRID], post: 'volunteer', startsOn: '2026-12-01', endsOn: null,
};

function setup(options: { gridActive?: boolean; person?: PersonEntity; existing?: AssignmentEntity } = {}) {
  const grid = Object.assign(new UnitEntity(), { code: GRID, level: 'grid', path: REGISTRATION.unitPath, active: options.gridActive ?? true });
  const assignments: AssignmentEntity[] = options.existing ? [options.existing] : [];
  const persons: PersonEntity[] = options.person ? [options.person] : [];
  const people = {
    lockAssignmentBySource: jest.fn(async (source: string) => assignments.find((a) => a.source === source) ?? null),
    lockPersonBySource: jest.fn(async (source: string) => persons.find((p) => p.source === source) ?? null),
    findUnit: jest.fn(async (code: string) => (code === GRID ? grid : null)),
    findOverlapping: jest.fn(async () => null),
    addPerson: jest.fn((data: Partial<PersonEntity>) => {
      const person = Object.assign(new PersonEntity(), data);
      persons.push(person);
      return person;
    }),
    addAssignment: jest.fn((data: Partial<AssignmentEntity>) => {
      const assignment = Object.assign(new AssignmentEntity(), data);
      assignments.push(assignment);
      return assignment;
    }),
    flush: jest.fn(async () => undefined),
  };
  const registrations = { handoff: jest.fn(async () => ({ registrationId: REGISTRATION.registrationId, memberId: REGISTRATION.memberId, memberName: '王小明', state: 'approved', gridCode: GRID, startsOn: '2026-12-01', endsOn: null })) };
  const outbox = { record: jest.fn() };
  const useCase = new AssignRegisteredMemberUseCase(people as unknown as PeopleRepository, registrations as unknown as RegistrationsClient, outbox as unknown as Outbox, immediateTransactions);
  return { run: () => useCase.execute(new AssignRegisteredMemberCommand(REGISTRATION)), people, registrations, outbox, assignments, persons };
}

describe(AssignRegisteredMemberUseCase.name, () => {
  it('makes the member a person and an in_service_party_member of the grid, keyed by the registration, the name asked as the registry itself', async () => {
    const { run, assignments, persons, registrations, outbox } = setup();
    await run();
    expect(registrations.handoff).toHaveBeenCalledWith(SYSTEM_CALLER, REGISTRATION.registrationId);
    expect(persons).toEqual([expect.objectContaining({ name: '王小明', source: `party-building.member:${REGISTRATION.memberId}` })]);
    expect(assignments).toEqual([expect.objectContaining({ personId: persons[0].id, unitCode: GRID, role: 'in_service_party_member', startsOn: '2026-12-01', endsOn: null, source: `party-building.registration:${REGISTRATION.registrationId}` })]);
    expect(outbox.record).toHaveBeenCalledWith(REGISTRY_EVENTS.assignmentCreated, assignments[0].id, { assignment: expect.objectContaining({ source: `party-building.registration:${REGISTRATION.registrationId}` }) });
  });

  it('does nothing for a registration it already placed (a redelivery), not even ask for the name', async () => {
    const existing = Object.assign(new AssignmentEntity(), { source: `party-building.registration:${REGISTRATION.registrationId}` });
    const { run, people, registrations, outbox } = setup({ existing });
    await run();
    expect(people.addAssignment).not.toHaveBeenCalled();
    expect(registrations.handoff).not.toHaveBeenCalled();
    expect(outbox.record).not.toHaveBeenCalled();
  });

  it('reuses the member’s person from an earlier registration', async () => {
    const person = Object.assign(new PersonEntity(), { name: '王小明', source: `party-building.member:${REGISTRATION.memberId}` });
    const { run, people, assignments } = setup({ person });
    await run();
    expect(people.addPerson).not.toHaveBeenCalled();
    expect(assignments[0].personId).toBe(person.id);
  });

  it('refuses an inactive grid as a business error, before asking for the name', async () => {
    const { run, registrations } = setup({ gridActive: false });
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'validation', details: { fields: [{ field: 'unitCode', reasons: [`${GRID} is not active`] }] } });
    expect(registrations.handoff).not.toHaveBeenCalled();
  });
});
