import { PARTY_KEEPERS, hasAnyRole, scopeCovers, type Caller } from '@gridline/auth';
import type { UnitLevel } from '@gridline/contracts-registry';
import type { RegistrationState } from '@gridline/contracts-party-building';

/** The steps of a registration and the states each may start from. */
export const STEPS_FROM: Record<'approve' | 'reject' | 'end', readonly RegistrationState[]> = {
  approve: ['submitted'],
  reject: ['submitted'],
  // A submitted registration may be withdrawn (ended) too: one current registration per member.
  end: ['submitted', 'approved'],
};

/** States that count as the member's current registration (one at a time). */
export const CURRENT_STATES: readonly RegistrationState[] = ['submitted', 'approved'];

/** The grid levels a member may serve in (an exclusive grid too, 专属网格). */
export const SERVED_LEVELS: readonly UnitLevel[] = ['grid', 'exclusive_grid'];

type MapUnit = { code: string; level: UnitLevel; path: readonly string[]; active: boolean };

/**
 * Why a member cannot register with this community to serve this grid (null: they can): an active community, and an
 * active grid or exclusive grid beneath it.
 */
export function placementProblem(community: MapUnit, grid: MapUnit): { field: 'communityCode' | 'gridCode'; reason: string } | null {
  if (community.level !== 'community') return { field: 'communityCode', reason: `must be a community, not a ${community.level}` };
  if (!community.active) return { field: 'communityCode', reason: 'is an inactive unit' };
  if (!SERVED_LEVELS.includes(grid.level)) return { field: 'gridCode', reason: `must be a grid or exclusive_grid, not a ${grid.level}` };
  if (!grid.active) return { field: 'gridCode', reason: 'is an inactive unit' };
  if (!grid.path.slice(0, -1).includes(community.code)) return { field: 'gridCode', reason: `must lie beneath the community ${community.code}` };
  return null;
}

/** Why the period is refused (null: fine): the last day not before the first. */
export function periodProblem(startsOn: string, endsOn: string | null): { field: 'endsOn'; reason: string } | null {
  return endsOn !== null && endsOn < startsOn ? { field: 'endsOn', reason: `must not be before startsOn ${startsOn}` } : null;
}

/**
 * The last day of a registration ended now: the one asked for (today by default), never after its planned end, and
 * never before its first day (ended before it began: its first day, the registry's assignment a single day at most).
 * A `requested` day before the start or after the planned end is refused (the reason, for `endsOn`).
 */
export function endDay(registration: { startsOn: string; endsOn: string | null }, requested: string | undefined, today: string): { day: string } | { problem: string } {
  if (requested !== undefined && requested < registration.startsOn) return { problem: `must not be before startsOn ${registration.startsOn}` };
  if (requested !== undefined && registration.endsOn !== null && requested > registration.endsOn) return { problem: `must not be after the planned end ${registration.endsOn}` };
  const day = requested ?? (registration.endsOn !== null && registration.endsOn < today ? registration.endsOn : today);
  return { day: day < registration.startsOn ? registration.startsOn : day };
}

/** The path of the registration's community: the grid's path down to the community (street first). */
export function communityPath(registration: { path: readonly string[]; communityCode: string }): string[] {
  const at = registration.path.indexOf(registration.communityCode);
  return at < 0 ? [registration.communityCode] : registration.path.slice(0, at + 1);
}

/**
 * May the caller decide (approve, reject) the registration? Only the community's party committee: a keeper whose
 * scope covers the community itself (a grid's branch secretary does not), street admins and admins above it.
 */
export function mayDecide(caller: Caller, registration: { path: readonly string[]; communityCode: string }): boolean {
  return hasAnyRole(caller, PARTY_KEEPERS) && scopeCovers(caller, communityPath(registration));
}
