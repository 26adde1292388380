import type { FiguresView } from '@gridline/contracts-analytics';
import type { IncidentStatus } from '@gridline/contracts-incidents';
import type { OfficerRole, OrganisationLevel, StationContact, StationFunction, StationLocation, OpeningPeriod } from '@gridline/contracts-party-building';
import type { ExclusiveGridKind, GridRole, UnitLevel } from '@gridline/contracts-registry';
import type { Part } from '../http/parts';

/** A unit above the one asked: its name only where the caller's scope reaches it (null otherwise). */
export interface OverviewAncestor {
  code: string;
  name: string | null;
}

/** A person on the unit: the published work phone in clear, the personal phone masked only. */
export interface OverviewStaff {
  personId: string;
  name: string;
  role: GridRole;
  workPhone: string | null;
  /** Masked (138****5678). */
  phone: string | null;
  startsOn: string;
}

/** An officer of the organisation; the member's name masked as party building answers it. */
export interface OverviewOfficer {
  role: OfficerRole;
  memberName: string | null;
  startsOn: string;
}

/** The unit's own party organisation (a grid's branch, an exclusive grid's joint branch, a community's committee…). */
export interface OverviewParty {
  /** Null: no active organisation is bound to the unit. */
  organisation: { id: string; name: string; level: OrganisationLevel } | null;
  /** The current secretary, null when none. */
  secretary: OverviewOfficer | null;
  /** The current officers, secretary first. */
  officers: OverviewOfficer[];
}

/** The active red stations at or beneath the unit (at most OVERVIEW_STATIONS_MAX, `total` counts them all). */
export interface OverviewStations {
  total: number;
  stations: { id: string; name: string; address: string | null; gridCode: string; location: StationLocation; openingHours: OpeningPeriod[]; functions: StationFunction[]; contact: StationContact | null }[];
}

/** The cases at or beneath the unit that are still open, by status (a status with none is left out). */
export interface OverviewCases {
  open: number;
  byStatus: Partial<Record<IncidentStatus, number>>;
  overdue: number;
  supervised: number;
}

/** GET /api/v1/units/:code/overview. */
export interface UnitOverview {
  unit: { code: string; name: string; level: UnitLevel; kind: ExclusiveGridKind | null; active: boolean; parentCode: string | null };
  street: OverviewAncestor | null;
  community: OverviewAncestor | null;
  staff: Part<OverviewStaff[]>;
  party: Part<OverviewParty>;
  stations: Part<OverviewStations>;
  cases: Part<OverviewCases>;
  /** This month's figures of the unit with last month's beside them, as GET /analytics/figures?unit=&period=month answers them. */
  figures: Part<FiguresView>;
}
