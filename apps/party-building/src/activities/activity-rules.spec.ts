import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH, CHECK_IN_MAX_WRONG, isServiceHours } from '@gridline/contracts-party-building';
import { admitsAudience, audienceFilter, cancelActivityProblem, cancelSignUpProblem, checkInWindow, codeState, hasSeat, hashCheckInCode, heldActivityProblem, lockedOut, newCheckInCode, reportProblem, seatsLeft, signUpProblem } from './activity-rules';

const at = (iso: string) => new Date(iso);
const activity = { status: 'scheduled' as const, startsAt: at('2026-12-20T09:00:00+08:00'), endsAt: at('2026-12-20T11:00:00+08:00') };

describe('activity rules', () => {
  describe(signUpProblem.name, () => {
    it('takes sign-ups until the start, never once it started or for a cancelled activity', () => {
      expect(signUpProblem(activity, at('2026-12-20T08:59:59+08:00'))).toBeNull();
      expect(signUpProblem(activity, at('2026-12-20T09:00:00+08:00'))).toMatch(/started/);
      expect(signUpProblem({ ...activity, status: 'cancelled' }, at('2026-12-01T00:00:00Z'))).toMatch(/cancelled/);
    });

    it('lets a sign-up be withdrawn before the start only', () => {
      expect(cancelSignUpProblem(activity, at('2026-12-20T08:00:00+08:00'))).toBeNull();
      expect(cancelSignUpProblem(activity, at('2026-12-20T09:30:00+08:00'))).toMatch(/started/);
    });

    it('cancels an activity until its end, once', () => {
      expect(cancelActivityProblem(activity, at('2026-12-20T10:00:00+08:00'))).toBeNull();
      expect(cancelActivityProblem(activity, at('2026-12-20T11:00:00+08:00'))).toMatch(/ended/);
      expect(cancelActivityProblem({ ...activity, status: 'cancelled' }, at('2026-12-01T00:00:00Z'))).toMatch(/already/);
    });

    it('takes the report after the end, once', () => {
      expect(reportProblem({ ...activity, reportedAt: null }, at('2026-12-20T10:59:00+08:00'))).toMatch(/not ended/);
      expect(reportProblem({ ...activity, reportedAt: null }, at('2026-12-20T11:00:00+08:00'))).toBeNull();
      expect(reportProblem({ ...activity, reportedAt: at('2026-12-20T12:00:00+08:00') }, at('2026-12-21T00:00:00+08:00'))).toMatch(/already/);
    });
  });

  describe('capacity', () => {
    it('has a seat while fewer than capacity are signed up', () => {
      expect(hasSeat({ capacity: 2, signedUp: 1 })).toBe(true);
      expect(hasSeat({ capacity: 2, signedUp: 2 })).toBe(false);
    });
  });

  describe(checkInWindow.name, () => {
    it('opens 30 minutes before the start and gives a code 15 minutes', () => {
      expect(checkInWindow(activity, at('2026-12-20T08:29:00+08:00'))).toEqual({ problem: expect.stringMatching(/opens/) });
      expect(checkInWindow(activity, at('2026-12-20T08:30:00+08:00'))).toEqual({ expiresAt: at('2026-12-20T08:45:00+08:00') });
    });

    it('never lets a code outlive the end plus the margin, and closes after it', () => {
      expect(checkInWindow(activity, at('2026-12-20T11:20:00+08:00'))).toEqual({ expiresAt: at('2026-12-20T11:30:00+08:00') });
      expect(checkInWindow(activity, at('2026-12-20T11:30:00+08:00'))).toEqual({ problem: expect.stringMatching(/closed/) });
      expect(checkInWindow({ ...activity, status: 'cancelled' }, at('2026-12-20T09:00:00+08:00'))).toEqual({ problem: 'the activity is cancelled' });
    });
  });

  describe(codeState.name, () => {
    const code = { expiresAt: at('2026-12-20T09:15:00+08:00'), replacedAt: null };

    it('is valid until it expires', () => {
      expect(codeState(code, at('2026-12-20T09:14:59+08:00'))).toBe('valid');
      expect(codeState(code, at('2026-12-20T09:15:00+08:00'))).toBe('expired');
    });

    it('is replaced once a newer code is opened, even before it expires', () => {
      expect(codeState({ ...code, replacedAt: at('2026-12-20T09:05:00+08:00') }, at('2026-12-20T09:06:00+08:00'))).toBe('replaced');
    });

    it('locks a member out after the allowed wrong codes', () => {
      expect(lockedOut(CHECK_IN_MAX_WRONG - 1)).toBe(false);
      expect(lockedOut(CHECK_IN_MAX_WRONG)).toBe(true);
    });
  });

  describe('codes', () => {
    it('draws codes of the unambiguous alphabet', () => {
      const codes = Array.from({ length: 200 }, newCheckInCode);
      for (const code of codes) expect(code).toMatch(new RegExp(`^[${CHECK_IN_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`));
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.join('')).not.toMatch(/[01OIL]/);
    });

    it('hashes per activity, ignoring case and spaces (a wrong code hashes apart)', () => {
      const h = hashCheckInCode('a1', 'K7M2Q9XP');
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(hashCheckInCode('a1', ' k7m2 q9xp ')).toBe(h);
      expect(hashCheckInCode('a2', 'K7M2Q9XP')).not.toBe(h);
      expect(hashCheckInCode('a1', 'K7M2Q9XQ')).not.toBe(h);
    });
  });

  describe(isServiceHours.name, () => {
    it('takes 0 to 24 in half-hours', () => {
      for (const ok of [0, 0.5, 2, 23.5, 24]) expect(isServiceHours(ok)).toBe(true);
      for (const bad of [-0.5, 24.5, 1.25, Number.NaN, Infinity, '2']) expect(isServiceHours(bad)).toBe(false);
    });
  });

  describe(admitsAudience.name, () => {
    const member = { units: ['370502003', '370502003001', '370502003001001'], organisations: ['branch', 'committee', 'top'] };
    const activity = (audience: 'all' | 'scope' | 'organisation', unitCode: string, organisationId: string) => ({ audience, unitCode, organisationId });

    it('takes everyone for all, members living in the unit or beneath for scope, the organisation and beneath for organisation', () => {
      expect(admitsAudience(activity('all', '370502003002', 'far'), member)).toBe(true);
      expect(admitsAudience(activity('scope', '370502003001', 'far'), member)).toBe(true);
      expect(admitsAudience(activity('scope', '370502003002', 'committee'), member)).toBe(false);
      expect(admitsAudience(activity('organisation', '370502003002', 'committee'), member)).toBe(true);
      expect(admitsAudience(activity('organisation', '370502003001', 'far'), member)).toBe(false);
    });

    it('has the same three branches as its filter', () => {
      expect(audienceFilter(member).$or).toEqual([
        { audience: 'all' },
        { audience: 'scope', unitCode: { $in: member.units } },
        { audience: 'organisation', organisationId: { $in: member.organisations } },
      ]);
    });

    it('counts the seats left, never below zero', () => {
      expect(seatsLeft({ capacity: 10, signedUp: 3 })).toBe(7);
      expect(seatsLeft({ capacity: 2, signedUp: 2 })).toBe(0);
      expect(seatsLeft({ capacity: 2, signedUp: 3 })).toBe(0);
    });
  });

  describe(heldActivityProblem.name, () => {
    const held = { startsAt: at('2026-12-10T09:00:00+08:00'), endsAt: at('2026-12-10T11:00:00+08:00'), capacity: 2 };
    it('records an activity once it has ended, within the last year, with no more attendees than seats', () => {
      expect(heldActivityProblem(held, 2, at('2026-12-10T11:00:00+08:00'))).toBeNull();
      expect(heldActivityProblem(held, 2, at('2026-12-10T10:59:59+08:00'))).toMatchObject({ field: 'endsAt' });
      expect(heldActivityProblem({ ...held, endsAt: held.startsAt }, 1, at('2026-12-20T00:00:00+08:00'))).toMatchObject({ field: 'endsAt' });
      expect(heldActivityProblem(held, 2, at('2027-12-12T00:00:00+08:00'))).toMatchObject({ field: 'startsAt' });
      expect(heldActivityProblem(held, 3, at('2026-12-20T00:00:00+08:00'))).toMatchObject({ field: 'attendeeIds' });
    });
  });
});
