import { UNIT_LEVELS, type GridRole, type UnitLevel } from '@gridline/contracts-registry';

const GRIDS: readonly UnitLevel[] = ['grid', 'exclusive_grid'];
const GRIDS_AND_COMMUNITY: readonly UnitLevel[] = ['grid', 'exclusive_grid', 'community'];

/**
 * On which levels of the map each role may be held. Grid staff, partners, building chiefs and property
 * staff work in one grid; an instructor (a street cadre) may guide a grid, a community or the whole street;
 * two-committee members, social workers, in-service party members and community police belong to a
 * community and may be attached to it as a whole or to single grids.
 */
export const ROLE_LEVELS: Record<GridRole, readonly UnitLevel[]> = {
  grid_staff: GRIDS,
  grid_partner: GRIDS,
  building_chief: GRIDS,
  property_staff: GRIDS,
  grid_instructor: UNIT_LEVELS,
  two_committee_member: GRIDS_AND_COMMUNITY,
  social_worker: GRIDS_AND_COMMUNITY,
  in_service_party_member: GRIDS_AND_COMMUNITY,
  community_police: GRIDS_AND_COMMUNITY,
};

/**
 * Why a role cannot be held on a unit for a period (null: it can): the unit must be active and of a level the role
 * belongs on, the dates real days, the end not before the start. The field named is the request's.
 */
export function assignmentProblem(
  unit: { code: string; level: UnitLevel; active: boolean },
  role: GridRole,
  startsOn: string,
  endsOn: string | null,
): { field: 'unitCode' | 'role' | 'startsOn' | 'endsOn'; reason: string } | null {
  if (!unit.active) return { field: 'unitCode', reason: `${unit.code} is not active` };
  const levels = ROLE_LEVELS[role];
  if (!levels.includes(unit.level)) return { field: 'role', reason: `${role} cannot be held on a ${unit.level}; it belongs on: ${levels.join(', ')}` };
  if (!isCalendarDate(startsOn)) return { field: 'startsOn', reason: `${startsOn} is not a calendar date` };
  if (endsOn !== null && !isCalendarDate(endsOn)) return { field: 'endsOn', reason: `${endsOn} is not a calendar date` };
  if (endsOn !== null && endsOn < startsOn) return { field: 'endsOn', reason: `must not be before startsOn ${startsOn}` };
  return null;
}

/** Whether a YYYY-MM-DD string names a real day (the DTOs check only the shape: 2026-02-30 passes them). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
