import type { Caller } from '@gridline/auth';
import { PartyErrorCode } from '@gridline/contracts-party-building';
import { MemberEntity } from '../members/member.entity';
import type { MemberRepository } from '../members/member.repository';
import { ActivityAccess } from './activity-access';
import { ActivityEntity } from './activity.entity';
import type { ActivityRepository } from './activity.repository';

const S = '370502003';
const C = '370502003001';
const G = '370502003001001';
const own = Object.assign(new MemberEntity(), { id: 'm-own', organisationId: 'branch', path: [S, C, G], account: 'acct-1' });
const other = Object.assign(new MemberEntity(), { id: 'm-other', organisationId: 'far', path: [S, '370502003002', '370502003002001'] });
const activity = (audience: ActivityEntity['audience']) => Object.assign(new ActivityEntity(), { id: 'a1', organisationId: 'committee', unitCode: C, path: [S, C], audience });

function setup() {
  const members = {
    findById: jest.fn(async (id: string) => [own, other].find((m) => m.id === id) ?? null),
    findByAccount: jest.fn(async (account: string) => (account === own.account ? own : null)),
  };
  // The branch hangs under the committee; nothing else is beneath it.
  const activities = { organisationLine: jest.fn(async (organisation: string) => (organisation === 'branch' ? ['branch', 'committee'] : [organisation])) };
  return new ActivityAccess(members as unknown as MemberRepository, activities as unknown as ActivityRepository);
}
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe(ActivityAccess.name, () => {
  it('acts for a party member on their own record, found by the token’s subject', async () => {
    expect(await setup().acting({ sub: 'acct-1', roles: ['party_member'], units: [] }, undefined)).toEqual({ member: own, byKeeper: false });
    expect(await setup().acting({ sub: 'acct-1', roles: ['party_member'], units: [] }, 'm-own')).toEqual({ member: own, byKeeper: false });
    expect(await fail(setup().acting({ sub: 'acct-1', roles: ['party_member'], units: [] }, 'm-other'))).toMatchObject({ code: PartyErrorCode.MemberNotFound });
    expect(await fail(setup().acting({ sub: 'acct-9', roles: ['party_member'], units: [] }, undefined))).toMatchObject({ code: PartyErrorCode.MemberNotFound });
  });

  it('lets a keeper act for members of their units only, naming them', async () => {
    const secretary: Caller = { sub: 'sec', roles: ['party_secretary'], units: [C] };
    expect(await setup().acting(secretary, 'm-own')).toEqual({ member: own, byKeeper: true });
    expect(await fail(setup().acting(secretary, 'm-other'))).toMatchObject({ code: PartyErrorCode.MemberNotFound });
    expect(await fail(setup().acting(secretary, undefined))).toMatchObject({ code: PartyErrorCode.Invalid, details: { fields: [{ field: 'memberId' }] } });
    expect(await fail(setup().acting({ sub: 'x', roles: ['grid_staff'], units: [C] }, 'm-own'))).toMatchObject({ kind: 'forbidden' });
  });

  it('admits by audience: the organisation and beneath, the unit, everyone', async () => {
    const access = setup();
    expect(await access.admits(activity('organisation'), own)).toBe(true);
    expect(await access.admits(activity('organisation'), other)).toBe(false);
    expect(await access.admits(activity('scope'), own)).toBe(true);
    expect(await access.admits(activity('scope'), other)).toBe(false);
    expect(await access.admits(activity('all'), other)).toBe(true);
  });
});
