import { describe, expect, it } from 'vitest';
import { defaultSource, mayReport } from './report.api';

describe('who reports', () => {
  it('offers the form to grid members and the grid centre, not to a plain party member', () => {
    expect(mayReport(['grid_staff', 'party_member'])).toBe(true);
    expect(mayReport(['community_admin'])).toBe(true);
    expect(mayReport(['party_member'])).toBe(false);
    expect([defaultSource(['grid_staff']), defaultSource(['community_admin'])]).toEqual(['patrol', 'other']);
  });
});
