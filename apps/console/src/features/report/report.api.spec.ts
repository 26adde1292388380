import { describe, expect, it } from 'vitest';
import { defaultSource, idempotencyKeys, mayReport } from './report.api';

describe(idempotencyKeys.name, () => {
  it('keeps the key for the same body (a retry) and makes a new one for a changed body', () => {
    let n = 0;
    const keyFor = idempotencyKeys(() => `key-${++n}`);
    expect(keyFor({ title: 'a' })).toBe('key-1');
    expect(keyFor({ title: 'a' })).toBe('key-1');
    expect(keyFor({ title: 'b' })).toBe('key-2');
  });
});

describe('who reports', () => {
  it('offers the form to grid members and the grid centre, not to a plain party member', () => {
    expect(mayReport(['grid_staff', 'party_member'])).toBe(true);
    expect(mayReport(['community_admin'])).toBe(true);
    expect(mayReport(['party_member'])).toBe(false);
    expect([defaultSource(['grid_staff']), defaultSource(['community_admin'])]).toEqual(['patrol', 'other']);
  });
});
