import { decodeCaller, encodeCaller, scopeCovers, type Caller } from './caller';

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

describe('decodeCaller', () => {
  it('reads back what encodeCaller wrote', () => {
    const caller: Caller = { sub: 'u1', roles: ['grid_staff', 'building_chief'], units: ['370502003001001'] };
    expect(decodeCaller(encodeCaller(caller))).toEqual(caller);
  });

  it.each([undefined, '', 'not json', '{"sub":1,"roles":[],"units":[]}', '{"sub":"u","roles":["king"],"units":[]}', '{"sub":"u","roles":[],"units":[7]}'])(
    'refuses %p',
    (raw) => {
      expect(decodeCaller(raw)).toBeUndefined();
    },
  );
});
