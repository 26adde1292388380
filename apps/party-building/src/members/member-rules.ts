import type { UnitLevel } from '@gridline/contracts-registry';
import type { MemberStatus } from '@gridline/contracts-party-building';

/** The map levels a member's home grid may have. */
export const HOME_GRID_LEVELS: readonly UnitLevel[] = ['grid', 'exclusive_grid'];

/**
 * Why `joinedOn` cannot be the day a member with this birth date joined (null: it can): not after today (China's
 * day), not before they were born.
 */
export function joinedOnProblem(joinedOn: string, birthDate: string, today: string): string | null {
  if (joinedOn > today) return 'must not be in the future';
  if (joinedOn < birthDate) return 'must not be before the birth date of the ID number';
  return null;
}

/** Why a unit of the map cannot be a member's home grid (null: it can). */
export function homeGridProblem(unit: { level: UnitLevel; active: boolean } | null): string | null {
  if (!unit) return 'is not a unit of the map';
  if (!HOME_GRID_LEVELS.includes(unit.level)) return `must be a grid or exclusive grid, not a ${unit.level}`;
  if (!unit.active) return 'is an inactive grid';
  return null;
}

/** Why a member's status cannot change from `from` to `to` (null: it can): a full member does not go back on probation. */
export function statusChangeProblem(from: MemberStatus, to: MemberStatus): string | null {
  return from === 'full' && to === 'probationary' ? 'cannot go back from full to probationary' : null;
}
