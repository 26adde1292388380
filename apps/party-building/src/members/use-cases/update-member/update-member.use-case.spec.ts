import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { DEV_PERSONAL_DATA, PersonalDataCipher, PersonalDataService, immediateTransactions, parsePersonalDataKeys } from '@gridline/persistence';
import type { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { OrganisationEntity } from '../../../organisations/organisation.entity';
import type { OrganisationRepository } from '../../../organisations/organisation.repository';
import { MemberEntity } from '../../member.entity';
import type { MemberRepository } from '../../member.repository';
import { UpdateMemberCommand } from './update-member.command';
import { UpdateMemberUseCase } from './update-member.use-case';

const STREET = '370502003';
const HERE = [STREET, '370502003001', '370502003001001'];
const THERE = [STREET, '370502003002', '370502003002001'];
const ID = '0b7e4c59-3c1e-4f7a-8f43-0d7c6f0b2a10';
const ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: ['370502003001'] };
const personalData = new PersonalDataService(new PersonalDataCipher(parsePersonalDataKeys(DEV_PERSONAL_DATA.keys, DEV_PERSONAL_DATA.activeKey, DEV_PERSONAL_DATA.indexKey)));

function setup(member: Partial<MemberEntity> = {}) {
  const row = Object.assign(new MemberEntity(), {
    id: ID,
    nameEnc: personalData.protectName('王小明'),
    idNumberEnc: personalData.protectIdNumber('11010519491231002X').enc,
    phoneEnc: personalData.protectPhone('13805461234').enc,
    phoneIndex: personalData.indexPhone('13805461234'),
    status: 'probationary',
    joinedOn: '2025-07-01',
    organisationId: 'here',
    path: HERE,
    homeGridCode: HERE[2],
    ...member,
  });
  const organisations: Record<string, OrganisationEntity> = {
    here: Object.assign(new OrganisationEntity(), { id: 'here', path: HERE, active: true }),
    there: Object.assign(new OrganisationEntity(), { id: 'there', path: THERE, active: true }),
  };
  const members = { lock: jest.fn(async (id: string) => (id === ID ? row : null)), changed: jest.fn(), save: jest.fn(), findByAccount: jest.fn(async () => null) };
  const useCase = new UpdateMemberUseCase(
    members as unknown as MemberRepository,
    { findById: jest.fn(async (id: string) => organisations[id] ?? null) } as unknown as OrganisationRepository,
    { prefetch: jest.fn() } as unknown as RegistryReference,
    { unit: jest.fn(async () => ({ level: 'grid', active: true })) } as unknown as ReferenceRepository,
    personalData,
    immediateTransactions,
  );
  return { useCase, members, row };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(UpdateMemberUseCase.name, () => {
  it('transfers a member with their scope path, recording where they came from', async () => {
    const { useCase, members, row } = setup();
    const view = await useCase.execute(new UpdateMemberCommand(ADMIN, ID, { organisationId: 'there', status: 'full' }));
    expect(view).toMatchObject({ organisationId: 'there', unitPath: THERE, status: 'full' });
    expect(row.path).toEqual(THERE);
    expect(members.changed).toHaveBeenCalledWith(row, ['status', 'organisationId'], { organisationId: 'here', path: HERE });
  });

  it('changes the phone under a new hash, and records nothing when nothing changes', async () => {
    const { useCase, members, row } = setup();
    await useCase.execute(new UpdateMemberCommand(SECRETARY, ID, { phone: '13805461234' }));
    expect(members.changed).not.toHaveBeenCalled();
    await useCase.execute(new UpdateMemberCommand(SECRETARY, ID, { phone: '13912345678' }));
    expect(row.phoneIndex).toBe(personalData.indexPhone('13912345678'));
    expect(members.changed).toHaveBeenCalledWith(row, ['phone'], undefined);
  });

  it('refuses going back on probation, a transfer out of the caller’s scope, a member out of it, and an empty change', async () => {
    expect((await failure(setup({ status: 'full' }).useCase.execute(new UpdateMemberCommand(SECRETARY, ID, { status: 'probationary' })))).details).toMatchObject({ fields: [{ field: 'status' }] });
    expect((await failure(setup().useCase.execute(new UpdateMemberCommand(SECRETARY, ID, { organisationId: 'there' })))).details).toMatchObject({ field: 'organisationId' });
    expect((await failure(setup({ path: THERE }).useCase.execute(new UpdateMemberCommand(SECRETARY, ID, { status: 'full' })))).kind).toBe('not_found');
    expect((await failure(setup().useCase.execute(new UpdateMemberCommand(SECRETARY, ID, {})))).details).toMatchObject({ fields: [{ field: 'body' }] });
  });
});
