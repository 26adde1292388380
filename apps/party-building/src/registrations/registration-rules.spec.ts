import type { Caller } from '@gridline/auth';
import { communityPath, endDay, mayDecide, periodProblem, placementProblem, STEPS_FROM } from './registration-rules';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const community = { code: COMMUNITY, level: 'community' as const, path: [STREET, COMMUNITY], active: true };
const grid = { code: GRID, level: 'grid' as const, path: [STREET, COMMUNITY, GRID], active: true };
const registration = { path: [STREET, COMMUNITY, GRID], communityCode: COMMUNITY };

describe(placementProblem.name, () => {
  it('takes an active grid or exclusive grid beneath an active community', () => {
    expect(placementProblem(community, grid)).toBeNull();
    expect(placementProblem(community, { ...grid, code: '370502003001901', level: 'exclusive_grid', path: [STREET, COMMUNITY, '370502003001901'] })).toBeNull();
  });

  it('names the field of a wrong level, an inactive unit or a grid of another community', () => {
    expect(placementProblem({ ...community, level: 'street' }, grid)).toEqual({ field: 'communityCode', reason: 'must be a community, not a street' });
    expect(placementProblem({ ...community, active: false }, grid)?.field).toBe('communityCode');
    expect(placementProblem(community, { ...grid, level: 'community' })?.field).toBe('gridCode');
    expect(placementProblem(community, { ...grid, active: false })).toEqual({ field: 'gridCode', reason: 'is an inactive unit' });
    expect(placementProblem(community, { ...grid, path: [STREET, '370502003002', GRID] })).toEqual({ field: 'gridCode', reason: `must lie beneath the community ${COMMUNITY}` });
  });
});

describe(periodProblem.name, () => {
  it('refuses an end before the start, takes an open or later end', () => {
    expect(periodProblem('2026-12-01', '2026-11-30')?.field).toBe('endsOn');
    expect(periodProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(periodProblem('2026-12-01', null)).toBeNull();
  });
});

describe(endDay.name, () => {
  const running = { startsOn: '2026-10-01', endsOn: null };
  it('ends today by default, or on the day asked for within the period', () => {
    expect(endDay(running, undefined, '2026-12-01')).toEqual({ day: '2026-12-01' });
    expect(endDay(running, '2026-11-15', '2026-12-01')).toEqual({ day: '2026-11-15' });
  });

  it('keeps an end within the planned period and never before the first day', () => {
    expect(endDay({ startsOn: '2026-10-01', endsOn: '2026-11-30' }, undefined, '2026-12-01')).toEqual({ day: '2026-11-30' });
    expect(endDay({ startsOn: '2027-01-01', endsOn: null }, undefined, '2026-12-01')).toEqual({ day: '2027-01-01' });
    expect(endDay(running, '2026-09-30', '2026-12-01')).toEqual({ problem: 'must not be before startsOn 2026-10-01' });
    expect(endDay({ startsOn: '2026-10-01', endsOn: '2026-11-30' }, '2026-12-05', '2026-12-01')).toEqual({ problem: 'must not be after the planned end 2026-11-30' });
  });
});

describe('the steps of a registration', () => {
  it('decides only a submitted one, ends a submitted or approved one', () => {
    expect(STEPS_FROM.approve).toEqual(['submitted']);
    expect(STEPS_FROM.reject).toEqual(['submitted']);
    expect(STEPS_FROM.end).toEqual(['submitted', 'approved']);
  });
});

describe(mayDecide.name, () => {
  const as = (roles: Caller['roles'], units: string[]): Caller => ({ sub: 'x', roles, units });
  it('lets the community’s party committee, the street and admins decide', () => {
    expect(communityPath(registration)).toEqual([STREET, COMMUNITY]);
    expect(mayDecide(as(['party_secretary'], [COMMUNITY]), registration)).toBe(true);
    expect(mayDecide(as(['community_admin'], [COMMUNITY]), registration)).toBe(true);
    expect(mayDecide(as(['street_admin'], [STREET]), registration)).toBe(true);
    expect(mayDecide(as(['admin'], []), registration)).toBe(true);
  });

  it('refuses a grid branch’s secretary, another community’s secretary, a reader and the member', () => {
    expect(mayDecide(as(['party_secretary'], [GRID]), registration)).toBe(false);
    expect(mayDecide(as(['party_secretary'], ['370502003002']), registration)).toBe(false);
    expect(mayDecide(as(['grid_instructor'], [COMMUNITY]), registration)).toBe(false);
    expect(mayDecide(as(['party_member'], [COMMUNITY]), registration)).toBe(false);
  });
});
