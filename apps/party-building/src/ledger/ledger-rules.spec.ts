import type { Caller } from '@gridline/auth';
import { dayCapProblem, decisionRefusal, defaultPoints, mayReadLedger, serviceDayProblem, submitRefusal } from './ledger-rules';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const PATH = [STREET, COMMUNITY, GRID];
const member = { id: 'm-1', organisationId: 'o-1', path: PATH, account: 'member-1' };
const BRANCH_SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [GRID] };
const COMMUNITY_ADMIN: Caller = { sub: 'ca-1', roles: ['community_admin'], units: [COMMUNITY] };
const OTHER_SECRETARY: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: ['370502003001002'] };
const MEMBER: Caller = { sub: 'member-1', roles: ['party_member'], units: [] };
const OTHER_MEMBER: Caller = { sub: 'member-2', roles: ['party_member'], units: [] };
const INSTRUCTOR: Caller = { sub: 'gi-1', roles: ['grid_instructor'], units: [COMMUNITY] };

describe('ledger rules', () => {
  it('lets the branch secretary or a keeper above decide, never others nor the member themself', () => {
    expect(decisionRefusal(BRANCH_SECRETARY, member, PATH)).toBeNull();
    expect(decisionRefusal(COMMUNITY_ADMIN, member, PATH)).toBeNull();
    expect(decisionRefusal(OTHER_SECRETARY, member, PATH)).toBe('not_found');
    expect(decisionRefusal(INSTRUCTOR, member, PATH)).toBe('not_found');
    expect(decisionRefusal(MEMBER, member, PATH)).toBe('not_found');
    // A secretary who is the member: their own record waits for someone else.
    expect(decisionRefusal(BRANCH_SECRETARY, { account: 'sec-1' }, PATH)).toBe('own');
    expect(decisionRefusal(BRANCH_SECRETARY, { account: null }, PATH)).toBeNull();
  });

  it('lets the member record their own service at the rule’s points, and keepers of the branch anyone’s', () => {
    expect(submitRefusal(MEMBER, member, false)).toBeNull();
    expect(submitRefusal(MEMBER, member, true)).toBe('points');
    expect(submitRefusal(OTHER_MEMBER, member, false)).toBe('not_found');
    expect(submitRefusal(BRANCH_SECRETARY, member, true)).toBeNull();
    expect(submitRefusal(OTHER_SECRETARY, member, false)).toBe('not_found');
    expect(submitRefusal(INSTRUCTOR, member, false)).toBe('not_found');
  });

  it('shows a ledger to the member and to readers of the branch', () => {
    expect(mayReadLedger(MEMBER, member)).toBe(true);
    expect(mayReadLedger(INSTRUCTOR, member)).toBe(true);
    expect(mayReadLedger(OTHER_MEMBER, member)).toBe(false);
    expect(mayReadLedger(OTHER_SECRETARY, member)).toBe(false);
  });

  it('caps a member’s day at 24 hours, counted in half-hours', () => {
    expect(dayCapProblem(0, 48)).toBeNull();
    expect(dayCapProblem(47, 1)).toBeNull();
    expect(dayCapProblem(47, 2)).toBe("would bring the member's day to 24.5 hours (at most 24; 23.5 already recorded)");
  });

  it('refuses a day in the future and gives a point per half-hour by default', () => {
    expect(serviceDayProblem('2026-12-02', '2026-12-01')).toBe('must not be in the future');
    expect(serviceDayProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(defaultPoints(3)).toBe(3);
  });
});
