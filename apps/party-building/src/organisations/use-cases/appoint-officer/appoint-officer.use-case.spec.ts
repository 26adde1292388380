import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { immediateTransactions } from '@gridline/persistence';
import { PartyErrorCode, type AppointOfficerBody } from '@gridline/contracts-party-building';
import { OfficerEntity } from '../../officer.entity';
import type { OfficerMembers } from '../../officer-members';
import type { OfficerRepository } from '../../officer.repository';
import { OrganisationEntity } from '../../organisation.entity';
import type { OrganisationRepository } from '../../organisation.repository';
import { AppointOfficerCommand } from './appoint-officer.command';
import { AppointOfficerUseCase } from './appoint-officer.use-case';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const ORG = '6a0c7e59-3c1e-4f7a-8f43-0d7c6f0b2a10';
const MEMBER = '0b1f7c1e-6a53-4c1e-9d64-3f1d1c2a9e01';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] };
const OUTSIDER: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: ['370502003002'] };

function setup(existing: Partial<OfficerEntity>[] = [], memberProblem: { field: 'memberId'; reason: string } | null = null) {
  const organisation = Object.assign(new OrganisationEntity(), { id: ORG, level: 'party_committee', unitCode: COMMUNITY, path: [STREET, COMMUNITY], active: true });
  const organisations = { lock: jest.fn(async (id: string) => (id === ORG ? organisation : null)) };
  const officers = {
    ofOrganisation: jest.fn(async () => existing.map((o) => Object.assign(new OfficerEntity(), { endsOn: null, directsGridCentre: false, ...o }))),
    add: jest.fn((_org: OrganisationEntity, data: Partial<OfficerEntity>) => Object.assign(new OfficerEntity(), { organisationId: ORG, ...data })),
    save: jest.fn(),
  };
  const members = { appointmentProblem: jest.fn(async () => memberProblem), maskedNames: jest.fn(async () => new Map([[MEMBER, '李**']])) };
  const useCase = new AppointOfficerUseCase(organisations as unknown as OrganisationRepository, officers as unknown as OfficerRepository, members as unknown as OfficerMembers, immediateTransactions);
  return { useCase, officers, members };
}

const body = (overrides: Partial<AppointOfficerBody> = {}): AppointOfficerBody => ({ memberId: MEMBER, role: 'secretary', startsOn: '2026-01-01', ...overrides });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(AppointOfficerUseCase.name, () => {
  it('records the term with its event through the repository and answers it with the masked name', async () => {
    const { useCase, officers } = setup();
    const view = await useCase.execute(new AppointOfficerCommand(SECRETARY, ORG, body({ directsGridCentre: true })));
    expect(view).toMatchObject({ organisationId: ORG, memberId: MEMBER, memberName: '李**', role: 'secretary', startsOn: '2026-01-01', endsOn: null, directsGridCentre: true });
    expect(officers.add).toHaveBeenCalledWith(expect.objectContaining({ id: ORG }), expect.objectContaining({ memberId: MEMBER, role: 'secretary', directsGridCentre: true }));
    expect(officers.save).toHaveBeenCalled();
  });

  it('refuses an overlapping secretary with 409 naming the other term, and records nothing', async () => {
    const { useCase, officers } = setup([{ id: 'first', memberId: 'someone', role: 'secretary', startsOn: '2025-01-01' }]);
    const error = await failure(useCase.execute(new AppointOfficerCommand(SECRETARY, ORG, body())));
    expect([error.code, error.kind, error.details]).toEqual([PartyErrorCode.Conflict, 'conflict', { reason: 'secretary_overlaps', officerId: 'first' }]);
    expect(officers.add).not.toHaveBeenCalled();
  });

  it('answers an organisation out of scope as not found before looking at the member', async () => {
    const { useCase, members } = setup();
    expect((await failure(useCase.execute(new AppointOfficerCommand(OUTSIDER, ORG, body())))).code).toBe(PartyErrorCode.OrganisationNotFound);
    expect(members.appointmentProblem).not.toHaveBeenCalled();
  });

  it('refuses a member the members feature refuses, naming memberId', async () => {
    const { useCase, officers } = setup([], { field: 'memberId', reason: 'is not a party member in your scope' });
    const error = await failure(useCase.execute(new AppointOfficerCommand(SECRETARY, ORG, body())));
    expect([error.code, error.details]).toEqual([PartyErrorCode.Invalid, { fields: [{ field: 'memberId', reasons: ['is not a party member in your scope'] }] }]);
    expect(officers.add).not.toHaveBeenCalled();
  });
});
