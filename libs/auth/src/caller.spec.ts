import { scopeCovers } from './caller';

describe('scopeCovers', () => {
  const path = ['370502003', '370502003001', '370502003001001'];

  it('covers a unit beneath one of the caller units', () => {
    expect(scopeCovers({ sub: 'c', roles: ['community_admin'], units: ['370502003001'] }, path)).toBe(true);
  });

  it('does not cover a unit above or beside the caller units', () => {
    expect(scopeCovers({ sub: 'g', roles: ['grid_staff'], units: ['370502003001002'] }, path)).toBe(false);
    expect(scopeCovers({ sub: 'g', roles: ['grid_staff'], units: ['370502003001001'] }, path.slice(0, 2))).toBe(false);
  });

  it('covers everything for an admin and nothing for a caller without units', () => {
    expect(scopeCovers({ sub: 'a', roles: ['admin'], units: [] }, path)).toBe(true);
    expect(scopeCovers({ sub: 'x', roles: ['analyst'], units: [] }, path)).toBe(false);
  });
});
