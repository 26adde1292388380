import { isActiveOn, periodsOverlap, type DayPeriod } from '@gridline/platform';
import type { OfficerRole, OrganisationLevel } from '@gridline/contracts-party-building';

/** The levels whose secretary directs a community grid centre (书记抓、抓书记): the community's committee. */
export const GRID_CENTRE_LEVELS: readonly OrganisationLevel[] = ['party_committee', 'general_branch'];

/** A term as the rules see it. */
export interface Term extends DayPeriod {
  id: string;
  memberId: string;
  role: OfficerRole;
  directsGridCentre: boolean;
}

/**
 * Why a term cannot be appointed in this organisation (null: it can), as the field to blame and the reason:
 * a dissolved organisation, an end before the start, the grid-centre flag on anyone but a community committee's
 * secretary.
 */
export function appointmentProblem(
  term: Omit<Term, 'id' | 'memberId'>,
  organisation: { level: OrganisationLevel; active: boolean },
): { field: string; reason: string } | null {
  if (!organisation.active) return { field: 'organisationId', reason: 'is a dissolved organisation' };
  if (term.endsOn !== null && term.endsOn < term.startsOn) return { field: 'endsOn', reason: 'must not be before startsOn' };
  if (term.directsGridCentre && term.role !== 'secretary') return { field: 'directsGridCentre', reason: 'may be true only for a secretary' };
  if (term.directsGridCentre && !GRID_CENTRE_LEVELS.includes(organisation.level)) {
    return { field: 'directsGridCentre', reason: "may be true only for a community party committee's secretary" };
  }
  return null;
}

/**
 * The recorded term a new one clashes with (null: none): another secretary over any shared day (one secretary at
 * a time), or the same member's other term over any shared day (one office at a time in one organisation).
 */
export function termClash(term: Omit<Term, 'id' | 'directsGridCentre'>, existing: readonly Term[]): { with: Term; reason: 'secretary_overlaps' | 'member_overlaps' } | null {
  for (const other of existing) {
    if (!periodsOverlap(term, other)) continue;
    if (term.role === 'secretary' && other.role === 'secretary') return { with: other, reason: 'secretary_overlaps' };
    if (term.memberId === other.memberId) return { with: other, reason: 'member_overlaps' };
  }
  return null;
}

/** Why a term cannot end on `endsOn` (null: it can): it has ended already, or the end is before its start. */
export function endingProblem(term: DayPeriod, endsOn: string): { field: 'endsOn'; reason: string; alreadyEnded: boolean } | null {
  if (term.endsOn !== null) return { field: 'endsOn', reason: `the term has already ended (on ${term.endsOn})`, alreadyEnded: true };
  if (endsOn < term.startsOn) return { field: 'endsOn', reason: 'must not be before startsOn', alreadyEnded: false };
  return null;
}

/** The terms that cover `day`, secretary first, then deputies, then committee members, earliest start first. */
export function currentTerms<T extends Term>(terms: readonly T[], day: string): T[] {
  const rank: Record<OfficerRole, number> = { secretary: 0, deputy_secretary: 1, committee_member: 2 };
  return terms.filter((t) => isActiveOn(t, day)).sort((a, b) => rank[a.role] - rank[b.role] || a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
}
