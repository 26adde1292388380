import type { UnitLevel } from '@gridline/contracts-registry';

/** The party figures of a unit and everything beneath it, as analytics last learnt them from party building's events. */
export interface PartyFigures {
  /** Active grids and exclusive grids on the map. */
  grids: number;
  /** Of those, the grids with an active branch (exclusive grids: a joint branch) bound to them. */
  gridsWithBranch: number;
  /** gridsWithBranch / grids, to three places; null without grids. */
  coverageShare: number | null;
  /** Party members of the organisations bound here, by status, and their total. */
  members: number;
  membersByStatus: Record<string, number>;
  /** In-service party members' registrations (双报到) approved and in force on the period's last day, by the grid served. */
  inServiceRegistrations: number;
  /** Activities held in the period (started by now and not cancelled; reported ones), by their organisation's unit. */
  activities: number;
  /** Check-ins at activities in the period, by the day of the check-in. */
  attendance: number;
  /** Service hours approved (activities attended and grid tasks) for days in the period, by the member's organisation. */
  hours: number;
}

/** One unit's row of the party figures. */
export interface PartyUnitFigures extends PartyFigures {
  unitCode: string;
  level: UnitLevel;
}

/** GET /api/v1/analytics/party: the asked unit's figures and each unit's directly beneath it. */
export interface PartyFiguresView {
  /** The unit asked for; null: the units of the caller's scope. */
  unit: string | null;
  /** The period, China days, both inclusive. */
  from: string;
  to: string;
  /** Over the asked unit (or the whole scope). */
  total: PartyFigures;
  /** The units directly beneath the asked one (or those of the caller's scope), by code. */
  units: PartyUnitFigures[];
}
