import type { Caller } from '@gridline/auth';
import { incidentScopeSql } from './incident.repository';

const GRID = '370502003001001';
const EXCLUSIVE_GRID = '370502003901001';
const COMMUNITY = '370502003001';

describe(incidentScopeSql.name, () => {
  it('scopes a member of one grid by grid_code, in two arms: the grid, their own reports', () => {
    const scope = incidentScopeSql({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] });
    expect(scope).toEqual({
      sql: '(grid_code = ? or reporter = ?)',
      params: [GRID, 'staff-1'],
      arms: [
        { sql: 'grid_code = ?', params: [GRID] },
        { sql: 'reporter = ?', params: ['staff-1'] },
      ],
    });
  });

  it('scopes a member of several grids by grid_code = any', () => {
    const scope = incidentScopeSql({ sub: 'staff-2', roles: ['grid_staff'], units: [GRID, EXCLUSIVE_GRID] });
    expect(scope?.sql).toBe('(grid_code = any(?::text[]) or reporter = ?)');
    expect(scope?.arms?.map((a) => a.sql)).toEqual(['grid_code = any(?::text[])', 'reporter = ?']);
  });

  it('keeps the path rule, in one condition, for a community, a mix of levels, no units and a department', () => {
    const path = (caller: Caller) => incidentScopeSql(caller);
    expect(path({ sub: 'c', roles: ['community_admin'], units: [COMMUNITY] })).toEqual({ sql: '(path && ?::text[] or reporter = ?)', params: [`{"${COMMUNITY}"}`, 'c'] });
    expect(path({ sub: 'm', roles: ['grid_staff', 'community_admin'], units: [GRID, COMMUNITY] })?.arms).toBeUndefined();
    expect(path({ sub: 'x', roles: ['analyst'], units: [] })).toEqual({ sql: '(path && ?::text[] or reporter = ?)', params: ['{}', 'x'] });
    expect(path({ sub: 'd', roles: ['department'], units: ['URBAN_MGMT'] })?.sql).toBe(`(path && ?::text[] or owner->>'departmentCode' = any(?::text[]) or reporter = ?)`);
  });

  it('sets no condition for an unrestricted caller', () => {
    expect(incidentScopeSql({ sub: 'a', roles: ['admin'], units: [] })).toBeNull();
  });
});
