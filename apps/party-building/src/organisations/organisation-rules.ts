import type { UnitLevel } from '@gridline/contracts-registry';
import type { OrganisationLevel } from '@gridline/contracts-party-building';

/** The unit levels each organisation level is bound to (一网格一支部: a branch per grid, a joint branch per exclusive grid). */
export const UNIT_LEVELS_OF: Record<OrganisationLevel, readonly UnitLevel[]> = {
  working_committee: ['street'],
  party_committee: ['community'],
  general_branch: ['community'],
  branch: ['grid'],
  joint_branch: ['exclusive_grid'],
  party_group: ['grid', 'exclusive_grid'],
};

/** The levels an organisation's parent may have (null: none, the top). */
export const PARENT_LEVELS_OF: Record<OrganisationLevel, readonly OrganisationLevel[] | null> = {
  working_committee: null,
  party_committee: ['working_committee'],
  general_branch: ['working_committee'],
  branch: ['party_committee', 'general_branch'],
  // An exclusive grid may hang directly under the street (ALLOWED_PARENT_LEVELS of the map).
  joint_branch: ['party_committee', 'general_branch', 'working_committee'],
  party_group: ['branch', 'joint_branch'],
};

/**
 * Levels of which a unit has at most one active organisation: the branch of a grid, the committee of a community,
 * the working committee of a street. Party groups are many per branch.
 */
export const ONE_PER_UNIT: Record<OrganisationLevel, OrganisationLevel[] | null> = {
  working_committee: ['working_committee'],
  party_committee: ['party_committee', 'general_branch'],
  general_branch: ['party_committee', 'general_branch'],
  branch: ['branch'],
  joint_branch: ['joint_branch'],
  party_group: null,
};

/** Levels that stand for a grid's branch in the coverage (one grid, one branch). */
export const BRANCH_LEVELS: readonly OrganisationLevel[] = ['branch', 'joint_branch'];

/**
 * Why an organisation of `level` cannot be bound to `unit` under `parent` (null: it can). The parent's unit must be
 * the unit itself (a party group under its branch) or above it on the map.
 */
export function bindingProblem(
  level: OrganisationLevel,
  unit: { level: UnitLevel; path: readonly string[]; active: boolean },
  parent: { level: OrganisationLevel; unitCode: string; active: boolean } | null,
): { field: 'unitCode' | 'parentId'; reason: string } | null {
  if (!unit.active) return { field: 'unitCode', reason: 'is an inactive unit' };
  if (!UNIT_LEVELS_OF[level].includes(unit.level)) return { field: 'unitCode', reason: `must be a ${UNIT_LEVELS_OF[level].join(' or ')} for a ${level}, not a ${unit.level}` };
  const parentLevels = PARENT_LEVELS_OF[level];
  if (parentLevels === null) return parent ? { field: 'parentId', reason: `must be absent for a ${level}` } : null;
  if (!parent) return { field: 'parentId', reason: `is required for a ${level}` };
  if (!parent.active) return { field: 'parentId', reason: 'is a dissolved organisation' };
  if (!parentLevels.includes(parent.level)) return { field: 'parentId', reason: `must be a ${parentLevels.join(' or ')} for a ${level}, not a ${parent.level}` };
  const sameUnitOnly = level === 'party_group';
  const fits = sameUnitOnly ? unit.path[unit.path.length - 1] === parent.unitCode : unit.path.slice(0, -1).includes(parent.unitCode);
  if (!fits) return { field: 'parentId', reason: sameUnitOnly ? "must be bound to the group's own grid" : "must be bound to a unit above the organisation's" };
  return null;
}
