import { AppError } from '@gridline/platform';
import { AnalyticsErrorCode } from '@gridline/contracts-analytics';
import { figuresBeneath, partyPeriod, share, type PathCounts } from './party-figures';

const STREET = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const grid = (community: string, n: number, covered: boolean): PathCounts => ({ path: [STREET, community, `${community}00${n}`], grids: 1, gridsWithBranch: covered ? 1 : 0 });

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('party figures', () => {
  describe(partyPeriod.name, () => {
    it('is the 30 China days ending today unless asked', () => {
      expect(partyPeriod({}, '2026-12-01')).toEqual({ from: '2026-11-02', to: '2026-12-01' });
      expect(partyPeriod({ to: '2026-03-01' }, '2026-12-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
      expect(partyPeriod({ from: '2026-11-20' }, '2026-12-01')).toEqual({ from: '2026-11-20', to: '2026-12-01' });
      expect(partyPeriod({ from: '2026-12-01', to: '2026-12-01' }, '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    });

    it('takes a leap year’s 366 days, and no more', () => {
      expect(partyPeriod({ from: '2028-01-01', to: '2028-12-31' }, '2026-12-01')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
      const long = refusal(() => partyPeriod({ from: '2026-01-01', to: '2027-01-02' }, '2026-12-01'));
      expect(long).toMatchObject({ code: AnalyticsErrorCode.Invalid, kind: 'validation', details: { fields: [{ field: 'to' }] } });
    });

    it('refuses a period that ends before it starts, naming the field', () => {
      expect(refusal(() => partyPeriod({ from: '2026-12-02', to: '2026-12-01' }, '2026-12-01')).details).toEqual({ fields: [{ field: 'from', reasons: ['must not be after to'] }] });
      expect(refusal(() => partyPeriod({ from: '2026-12-05' }, '2026-12-01')).details).toMatchObject({ fields: [{ field: 'from' }] });
    });
  });

  describe(share.name, () => {
    it('rounds to three places and is null without a whole', () => {
      expect(share(2, 3)).toBe(0.667);
      expect(share(1, 3)).toBe(0.333);
      expect(share(3, 3)).toBe(1);
      expect(share(0, 4)).toBe(0);
      expect(share(0, 0)).toBeNull();
    });
  });

  describe(figuresBeneath.name, () => {
    const counts: PathCounts[] = [
      grid(C1, 1, true),
      grid(C1, 2, true),
      grid(C1, 3, false),
      grid(C2, 1, false),
      // The community committee's own members, and a branch's.
      { path: [STREET, C1], membersByStatus: { full: 3 }, activities: 1, hours: 1.5 },
      { path: [STREET, C1, `${C1}001`], membersByStatus: { full: 2, probationary: 1 }, inServiceRegistrations: 2, activities: 2, attendance: 5, hours: 0.1 },
      { path: [STREET, C2, `${C2}001`], membersByStatus: { probationary: 1 }, attendance: 1, hours: 0.2 },
      { path: [STREET], membersByStatus: { full: 1 } },
    ];

    it('rolls grids and counts up through the unit path', () => {
      expect(figuresBeneath(counts, [C1])).toEqual({
        grids: 3, gridsWithBranch: 2, coverageShare: 0.667, members: 6, membersByStatus: { full: 5, probationary: 1 }, inServiceRegistrations: 2, activities: 3, attendance: 5, hours: 1.6,
      });
      expect(figuresBeneath(counts, [STREET])).toMatchObject({ grids: 4, gridsWithBranch: 2, coverageShare: 0.5, members: 8, membersByStatus: { full: 6, probationary: 2 }, attendance: 6, hours: 1.8 });
      expect(figuresBeneath(counts, [`${C1}003`])).toMatchObject({ grids: 1, gridsWithBranch: 0, coverageShare: 0, members: 0 });
    });

    it('counts each path once however many of the units it passes through', () => {
      expect(figuresBeneath(counts, [STREET, C1])).toEqual(figuresBeneath(counts, [STREET]));
    });

    it('answers zeros and no share for a unit with nothing beneath it', () => {
      expect(figuresBeneath(counts, ['370502004'])).toEqual({
        grids: 0, gridsWithBranch: 0, coverageShare: null, members: 0, membersByStatus: { full: 0, probationary: 0 }, inServiceRegistrations: 0, activities: 0, attendance: 0, hours: 0,
      });
    });
  });
});
