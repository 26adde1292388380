import { homeGridProblem, joinedOnProblem, statusChangeProblem } from './member-rules';

describe(joinedOnProblem.name, () => {
  it('takes a day between the birth date and today, both included', () => {
    expect(joinedOnProblem('2015-07-01', '1990-01-01', '2026-12-01')).toBeNull();
    expect(joinedOnProblem('2026-12-01', '1990-01-01', '2026-12-01')).toBeNull();
    expect(joinedOnProblem('1990-01-01', '1990-01-01', '2026-12-01')).toBeNull();
  });

  it('refuses a day in the future or before the birth date', () => {
    expect(joinedOnProblem('2026-12-02', '1990-01-01', '2026-12-01')).toBe('must not be in the future');
    expect(joinedOnProblem('1989-12-31', '1990-01-01', '2026-12-01')).toBe('must not be before the birth date of the ID number');
  });
});

describe(homeGridProblem.name, () => {
  it('takes an active grid or exclusive grid', () => {
    expect(homeGridProblem({ level: 'grid', active: true })).toBeNull();
    expect(homeGridProblem({ level: 'exclusive_grid', active: true })).toBeNull();
  });

  it('refuses an unknown unit, another level, an inactive grid', () => {
    expect(homeGridProblem(null)).toBe('is not a unit of the map');
    expect(homeGridProblem({ level: 'community', active: true })).toBe('must be a grid or exclusive grid, not a community');
    expect(homeGridProblem({ level: 'grid', active: false })).toBe('is an inactive grid');
  });
});

describe(statusChangeProblem.name, () => {
  it('lets a probationary member become full, never back', () => {
    expect(statusChangeProblem('probationary', 'full')).toBeNull();
    expect(statusChangeProblem('full', 'probationary')).toBe('cannot go back from full to probationary');
  });
});
