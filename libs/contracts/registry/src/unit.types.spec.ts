import { standardCodeOf } from './unit.types';

describe(standardCodeOf.name, () => {
  it('gives a street its 12-digit township code and a community its own village-level code', () => {
    // 370502 (Dongying District, GB/T 2260) + 003 (the street) + 000; + 001 for the community.
    expect(standardCodeOf('370502003', 'street')).toBe('370502003000');
    expect(standardCodeOf('370502003001', 'community')).toBe('370502003001');
  });

  it('gives a grid none: no national standard numbers grids', () => {
    expect(standardCodeOf('370502003001001', 'grid')).toBeNull();
    expect(standardCodeOf('370502003900001', 'exclusive_grid')).toBeNull();
  });
});
