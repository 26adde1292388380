import type { FiguresRate } from '../figures/figures.types';

/** What a person did in a period beneath a unit (definitions: docs/analytics.md, "Staff workload"). */
export interface WorkloadCounts {
  /** Cases they reported (the `actor` of `reported`). */
  reported: number;
  /** Handlings they reported done (the `actor` of `handled`; a case handled again after a rework counts again). */
  handled: number;
  /** Of those, the ones done by the handling step's due time in force. */
  handledOnTime: number;
  /** handledOnTime / handled. */
  onTimeRate: FiguresRate;
  /** Household visits they logged (走访). */
  visits: number;
  /** Approved party service hours of the party member whose linked login they are. */
  partyHours: number;
}

/** A grid of a staff member's row. */
export interface WorkloadGridView {
  code: string;
  name: string | null;
}

/**
 * One grid staff member's workload: the registry's person (name as the registry keeps it, and as the grid overview
 * shows it), their login subject (a token's `sub`, null when the person has no linked login: nothing counts for
 * them), the unit's grids they are grid staff of in the period, and their counts (zeros when nothing).
 */
export interface StaffWorkloadView extends WorkloadCounts {
  personId: string;
  /** Null only while analytics could not ask the registry for it yet. */
  name: string | null;
  subject: string | null;
  grids: WorkloadGridView[];
}

export interface WorkloadView {
  unit: string;
  unitName: string | null;
  from: string;
  to: string;
  /** Grid staff see only themselves: `self` true and `staff` at most their own row. */
  self: boolean;
  /**
   * Each grid staff member of the unit's grids (the registry's `grid_staff` assignments sharing a day with the
   * period), zeros included, by grid and name. Nobody else is a row: schedulers, department handlers, grid centre
   * officers, partners.
   */
  staff: StaffWorkloadView[];
  /** The rows' sum: only the grid staff's work (what anyone else did is in neither). */
  total: WorkloadCounts;
}
