import type { Caller } from '@gridline/auth';
import { AppError, residentIdCheckCharacter } from '@gridline/platform';
import { DEV_PERSONAL_DATA, PersonalDataCipher, PersonalDataService, immediateTransactions, parsePersonalDataKeys } from '@gridline/persistence';
import type { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import type { CreateMemberRequest } from '@gridline/contracts-party-building';
import { OrganisationEntity } from '../../../organisations/organisation.entity';
import type { OrganisationRepository } from '../../../organisations/organisation.repository';
import { MemberEntity } from '../../member.entity';
import type { MemberRepository } from '../../member.repository';
import { CreateMemberCommand } from './create-member.command';
import { CreateMemberUseCase } from './create-member.use-case';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const ORG = '6a0c7e59-3c1e-4f7a-8f43-0d7c6f0b2a10';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] };
const FIRST17 = '37050219850317011';
const ID_NUMBER = FIRST17 + residentIdCheckCharacter(FIRST17);
const personalData = new PersonalDataService(new PersonalDataCipher(parsePersonalDataKeys(DEV_PERSONAL_DATA.keys, DEV_PERSONAL_DATA.activeKey, DEV_PERSONAL_DATA.indexKey)));

function setup(existing: Partial<MemberEntity> | null = null, organisation: Partial<OrganisationEntity> = {}) {
  const org = Object.assign(new OrganisationEntity(), { id: ORG, level: 'branch', unitCode: GRID, path: [STREET, COMMUNITY, GRID], active: true, ...organisation });
  const holder = existing ? Object.assign(new MemberEntity(), { id: 'other', ...existing }) : null;
  const members = {
    add: jest.fn((data: Partial<MemberEntity>) => Object.assign(new MemberEntity(), data)),
    save: jest.fn(),
    findByIdNumberIndex: jest.fn(async () => holder),
    findByAccount: jest.fn(async () => null),
  };
  const organisations = { findById: jest.fn(async (id: string) => (id === ORG ? org : null)) };
  const reference = { prefetch: jest.fn() };
  const units = { unit: jest.fn(async (code: string) => (code === GRID ? { code, level: 'grid', path: [STREET, COMMUNITY, GRID], active: true } : null)) };
  const useCase = new CreateMemberUseCase(
    members as unknown as MemberRepository,
    organisations as unknown as OrganisationRepository,
    reference as unknown as RegistryReference,
    units as unknown as ReferenceRepository,
    personalData,
    immediateTransactions,
  );
  return { useCase, members };
}

const input = (overrides: Partial<CreateMemberRequest> = {}): CreateMemberRequest => ({ name: '王小明', idNumber: ID_NUMBER, phone: '13805461234', status: 'full', joinedOn: '2010-07-01', organisationId: ORG, homeGridCode: GRID, ...overrides });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(CreateMemberUseCase.name, () => {
  it('stores the three values encrypted, the ID number and phone with their keyed hashes, and answers them masked', async () => {
    const { useCase, members } = setup();
    const view = await useCase.execute(new CreateMemberCommand(SECRETARY, input()));
    expect(view).toMatchObject({ name: '王**', idNumber: `370502********${ID_NUMBER.slice(14)}`, phone: '138****1234', unitPath: [STREET, COMMUNITY, GRID] });
    const stored = members.add.mock.calls[0][0];
    expect(JSON.stringify(stored)).not.toMatch(/王小明|13805461234|19850317/);
    expect(stored).toMatchObject({ idNumberIndex: personalData.indexIdNumber(ID_NUMBER), phoneIndex: personalData.indexPhone('13805461234'), path: [STREET, COMMUNITY, GRID] });
    expect(personalData.reveal(String(stored.nameEnc))).toBe('王小明');
  });

  it('names a duplicate only to a caller who may see it', async () => {
    const visible = await failure(setup({ path: [STREET, COMMUNITY, GRID] }).useCase.execute(new CreateMemberCommand(SECRETARY, input())));
    expect(visible.details).toMatchObject({ field: 'idNumber', existingId: 'other' });
    const hidden = await failure(setup({ path: [STREET, '370502003002', '370502003002001'] }).useCase.execute(new CreateMemberCommand(SECRETARY, input())));
    expect(hidden.details).toEqual({ field: 'idNumber', existingId: null, outsideYourScope: true });
  });

  it('refuses a future joining day, an organisation out of scope or dissolved, and a role that does not keep members', async () => {
    const { useCase, members } = setup();
    expect((await failure(useCase.execute(new CreateMemberCommand(SECRETARY, input({ joinedOn: '2999-01-01' }))))).details).toMatchObject({ fields: [{ field: 'joinedOn' }] });
    const outside = setup(null, { path: [STREET, '370502003002', '370502003002001'] }).useCase;
    expect((await failure(outside.execute(new CreateMemberCommand(SECRETARY, input())))).details).toMatchObject({ field: 'organisationId' });
    const dissolved = setup(null, { active: false }).useCase;
    expect((await failure(dissolved.execute(new CreateMemberCommand(SECRETARY, input())))).details).toMatchObject({ field: 'organisationId', reason: 'is a dissolved organisation' });
    expect((await failure(useCase.execute(new CreateMemberCommand({ ...SECRETARY, roles: ['grid_instructor'] }, input())))).kind).toBe('forbidden');
    expect(members.add).not.toHaveBeenCalled();
  });
});
