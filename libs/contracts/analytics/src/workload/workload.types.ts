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

/** One person's workload: their platform subject (a token's `sub`; analytics holds no names of people). */
export interface StaffWorkloadView extends WorkloadCounts {
  subject: string;
}

export interface WorkloadView {
  unit: string;
  unitName: string | null;
  from: string;
  to: string;
  /** Grid staff see only themselves: `self` true and `staff` at most their own row. */
  self: boolean;
  /** Each person with any count in the period, by subject. */
  staff: StaffWorkloadView[];
  /** The rows' sum. */
  total: WorkloadCounts;
}
