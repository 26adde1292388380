import { appointmentProblem, currentTerms, endingProblem, termClash, type Term } from './officer-rules';

const committee = { level: 'party_committee' as const, active: true };
const branch = { level: 'branch' as const, active: true };
const term = (id: string, memberId: string, role: Term['role'], startsOn: string, endsOn: string | null = null): Term => ({ id, memberId, role, startsOn, endsOn, directsGridCentre: false });

describe(appointmentProblem.name, () => {
  it('appoints any officer to an active organisation, open-ended or with an end not before the start', () => {
    expect(appointmentProblem({ role: 'committee_member', startsOn: '2026-01-01', endsOn: null, directsGridCentre: false }, branch)).toBeNull();
    expect(appointmentProblem({ role: 'secretary', startsOn: '2026-01-01', endsOn: '2026-01-01', directsGridCentre: true }, committee)).toBeNull();
  });

  it('refuses a dissolved organisation and an end before the start, naming the field', () => {
    expect(appointmentProblem({ role: 'secretary', startsOn: '2026-01-01', endsOn: null, directsGridCentre: false }, { ...branch, active: false })?.field).toBe('organisationId');
    expect(appointmentProblem({ role: 'secretary', startsOn: '2026-01-02', endsOn: '2026-01-01', directsGridCentre: false }, branch)).toEqual({ field: 'endsOn', reason: 'must not be before startsOn' });
  });

  it('lets only a community committee’s secretary direct the grid centre', () => {
    expect(appointmentProblem({ role: 'deputy_secretary', startsOn: '2026-01-01', endsOn: null, directsGridCentre: true }, committee)?.field).toBe('directsGridCentre');
    expect(appointmentProblem({ role: 'secretary', startsOn: '2026-01-01', endsOn: null, directsGridCentre: true }, branch)?.field).toBe('directsGridCentre');
    expect(appointmentProblem({ role: 'secretary', startsOn: '2026-01-01', endsOn: null, directsGridCentre: true }, { level: 'general_branch', active: true })).toBeNull();
  });
});

describe(termClash.name, () => {
  const first = term('t1', 'm1', 'secretary', '2026-01-01', '2026-06-30');

  it('keeps one secretary at a time: a shared day clashes, the next day does not', () => {
    expect(termClash({ memberId: 'm2', role: 'secretary', startsOn: '2026-06-30', endsOn: null }, [first])).toEqual({ with: first, reason: 'secretary_overlaps' });
    expect(termClash({ memberId: 'm2', role: 'secretary', startsOn: '2026-07-01', endsOn: null }, [first])).toBeNull();
    expect(termClash({ memberId: 'm2', role: 'secretary', startsOn: '2025-01-01', endsOn: null }, [first])?.reason).toBe('secretary_overlaps');
  });

  it('keeps a member to one office at a time, and lets deputies and committee members be many', () => {
    expect(termClash({ memberId: 'm1', role: 'committee_member', startsOn: '2026-03-01', endsOn: null }, [first])).toEqual({ with: first, reason: 'member_overlaps' });
    const deputies = [term('t2', 'm2', 'deputy_secretary', '2026-01-01'), term('t3', 'm3', 'committee_member', '2026-01-01')];
    expect(termClash({ memberId: 'm4', role: 'deputy_secretary', startsOn: '2026-01-01', endsOn: null }, [first, ...deputies])).toBeNull();
    expect(termClash({ memberId: 'm1', role: 'committee_member', startsOn: '2026-07-01', endsOn: null }, [first])).toBeNull();
  });
});

describe(endingProblem.name, () => {
  it('ends an open term on or after its first day, once', () => {
    expect(endingProblem({ startsOn: '2026-01-01', endsOn: null }, '2026-01-01')).toBeNull();
    expect(endingProblem({ startsOn: '2026-01-02', endsOn: null }, '2026-01-01')).toMatchObject({ field: 'endsOn', alreadyEnded: false });
    expect(endingProblem({ startsOn: '2026-01-01', endsOn: '2026-03-31' }, '2026-04-30')).toMatchObject({ field: 'endsOn', alreadyEnded: true });
  });
});

describe(currentTerms.name, () => {
  it('keeps the terms covering the day, secretary first', () => {
    const terms = [term('a', 'm1', 'committee_member', '2025-01-01'), term('b', 'm2', 'secretary', '2025-01-01', '2025-12-31'), term('c', 'm3', 'secretary', '2026-01-01'), term('d', 'm4', 'deputy_secretary', '2027-01-01')];
    expect(currentTerms(terms, '2026-05-01').map((t) => t.id)).toEqual(['c', 'a']);
    expect(currentTerms(terms, '2025-12-31').map((t) => t.id)).toEqual(['b', 'a']);
  });
});
