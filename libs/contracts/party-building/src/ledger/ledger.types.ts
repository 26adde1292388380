/** What a service record credits: attendance at an activity (credited by the activities feature) or a grid task. */
export const SERVICE_KINDS = ['activity', 'grid_task'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The grid tasks a member serves in: a household visit, help on a case, a building chief's duty, … */
export const GRID_TASKS = ['visit', 'case_help', 'building_chief_duty', 'mediation', 'volunteer_service', 'publicity', 'other'] as const;
export type GridTask = (typeof GRID_TASKS)[number];

/** What a grid task may refer to: an incident (a case), a visit, a hotline appeal. */
export const SERVICE_REFERENCE_KINDS = ['incident', 'visit', 'appeal'] as const;
export type ServiceReferenceKind = (typeof SERVICE_REFERENCE_KINDS)[number];

/** pending → approved | rejected (by the member's branch secretary or a keeper above, never the member). */
export const SERVICE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** The decisions on a pending record. */
export const SERVICE_DECISIONS = ['approved', 'rejected'] as const;
export type ServiceDecision = (typeof SERVICE_DECISIONS)[number];

/** One service record of a party member. */
export interface ServiceRecordView {
  id: string;
  memberId: string;
  /** The member's organisation when the record was made (the record stays with it if the member moves). */
  organisationId: string;
  /** That organisation's unit (its path's last code). */
  unitCode: string;
  kind: ServiceKind;
  /** The grid task (null for an activity). */
  task: GridTask | null;
  /** The activity credited (kind `activity`), else null. */
  activityId: string | null;
  referenceKind: ServiceReferenceKind | null;
  referenceId: string | null;
  /** YYYY-MM-DD, China time. */
  day: string;
  /** Hours in 0.5 steps (exact: stored as half-hours). */
  hours: number;
  points: number;
  note: string | null;
  status: ServiceStatus;
  /** Who made the record (a member's or keeper's subject; `system` for an activity's credit). */
  submittedBy: string;
  /** Who approved or rejected it (`system` for an activity's credit, approved at check-in). */
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why it was rejected. */
  reason: string | null;
  createdAt: string;
}

/** Hours, points and records of a set of records. */
export interface ServiceSums {
  hours: number;
  points: number;
  records: number;
}

/** A member's ledger for one year: every record, the approved totals and the pending apart. */
export interface MemberLedgerView {
  memberId: string;
  /** The China year (records whose day falls in it). */
  year: number;
  records: ServiceRecordView[];
  /** Approved records only: what counts. */
  approved: ServiceSums;
  /** Awaiting the branch secretary. */
  pending: ServiceSums;
}

/** Approved service in one organisation, or beneath one unit, over a period. */
export interface ServiceTotalsRow extends ServiceSums {
  /** Members with at least one approved record in the period. */
  members: number;
  /** Hours still pending there (not in `hours`). */
  pendingHours: number;
}

export interface OrganisationServiceTotals extends ServiceTotalsRow {
  organisationId: string;
  unitCode: string;
}

export interface UnitServiceTotals extends ServiceTotalsRow {
  /** A grid, community or street: its sums take in everything beneath it. */
  unitCode: string;
}

/** GET /api/v1/party/ledger/totals: sums per organisation (branch) and per unit (grid and above), within scope. */
export interface LedgerTotalsView {
  /** The unit asked for (null: the whole scope). */
  unit: string | null;
  /** First and last day of the period, China time. */
  from: string;
  to: string;
  byOrganisation: OrganisationServiceTotals[];
  byUnit: UnitServiceTotals[];
}
