import type { CursorPage } from '@gridline/platform';
import type { IncidentEventData } from './incident.events';

/** A case's supervision card: none, then warning (70 % of the step's time), yellow (past due), red (escalated). */
export const SUPERVISION_CARDS = ['none', 'warning', 'yellow', 'red'] as const;
export type SupervisionCard = (typeof SUPERVISION_CARDS)[number];

/** The states of a case (DOMAIN.md "Grid incidents"). */
export const INCIDENT_STATUSES = [
  'reported',
  'accepted',
  'rejected',
  'dispatched',
  'in_progress',
  'handled',
  'closed',
  'evaluated',
  'cancelled',
  'merged',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** States from which nothing more happens (but evaluation, for closed). */
export const FINAL_STATUSES: readonly IncidentStatus[] = ['rejected', 'evaluated', 'cancelled', 'merged'];

/** A case still being worked on: reported and not yet rejected, cancelled, merged or closed. */
export const LIVE_STATUSES: readonly IncidentStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled'];

export const INCIDENT_URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type IncidentUrgency = (typeof INCIDENT_URGENCIES)[number];

/**
 * Where a case comes from. `party_station`: a social-conditions report at a grid red station (红色驿站, from the
 * party-building service); `party_committee`: a resolution of an exclusive grid's work committee.
 */
export const INCIDENT_SOURCES = ['patrol', 'visit', 'hotline', 'resident', 'department', 'party_station', 'party_committee', 'other'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** What can be done to a case; which of them a caller may do now is in `allowedActions`. */
export const INCIDENT_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'sign',
  'return',
  'handle',
  'verify',
  'evaluate',
  'request_extension',
  'decide_extension',
  'cancel',
  'merge',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** The step a case's clock is running for, and its due time. */
export const INCIDENT_STEPS = ['accept', 'dispatch', 'sign', 'handle', 'verify'] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];

/**
 * How far the owner's handling resolved the matter (given with `handle`, `resolved` when not given): a grid's case of
 * a hotline appeal answers the caller with it (the appeal's reply `resolution`).
 */
export const HANDLING_RESOLUTIONS = ['resolved', 'partly_resolved', 'not_resolved'] as const;
export type HandlingResolution = (typeof HANDLING_RESOLUTIONS)[number];

/** Who owns a dispatched case: a department, or a unit of the grid map (the grid itself, its community or street). */
export type IncidentOwner = { kind: 'department'; departmentCode: string } | { kind: 'unit'; unitCode: string; level: 'grid' | 'community' | 'street' };

/** Supervision (督办): how late the current step is, and who supervises it now. */
export interface IncidentSupervision {
  card: SupervisionCard;
  /** The unit that supervises: the level above the case's grid (its community), then the street, with each card. */
  supervisorUnitCode: string | null;
  since: string | null;
}

/**
 * A photo (or file) of a case. An uploaded photo has its `id` and `stage`, and `url` is the gateway's route to its
 * bytes; an attachment given as a bare https URL (the older form) has `id` and `stage` null.
 */
export interface IncidentAttachment {
  id: string | null;
  url: string;
  mediaType: string;
  sha256: string;
  stage: 'before' | 'after' | null;
}

export interface IncidentLocation {
  lat: number;
  lng: number;
  address: string;
}

/** What the owner reported at `handle`: the result, the handler's own attachments (not the reporter's), who and when. */
export interface IncidentHandling {
  result: string;
  /** How far it resolved the matter (`resolved` for handlings recorded before it was asked). */
  resolution: HandlingResolution;
  attachments: IncidentAttachment[];
  /** The handler's user id (`sub`). */
  by: string;
  at: string;
}

/** The outcome of the latest on-site verification: passed closed the case, failed sent it back to handling. */
export interface IncidentVerification {
  passed: boolean;
  comment: string | null;
  /** The verifier's user id (`sub`). */
  by: string;
  at: string;
}

/** The evaluation of a closed case. */
export interface IncidentEvaluation {
  rating: number;
  /** The evaluator's user id (`sub`). */
  by: string;
  at: string;
}

/** A code beside its name, from incidents' copy of the registry; `name` is null while the copy does not know it. */
export interface NamedCode {
  code: string;
  name: string | null;
}

export interface IncidentView {
  id: string;
  /** The readable work-order number, GX-YYYYMMDD-NNNNNN (unique per China day); `q` finds a case by it. */
  workOrder: string;
  status: IncidentStatus;
  categoryCode: string;
  /** The category's name (null when unknown). */
  categoryName: string | null;
  title: string;
  description: string;
  location: IncidentLocation | null;
  gridCode: string;
  /** The grid's name (null when unknown). */
  gridName: string | null;
  /** The grid's community (null for an exclusive grid directly under the street). */
  community: NamedCode | null;
  urgency: IncidentUrgency;
  source: IncidentSource;
  reporter: string;
  /** The reporter's attachments (what was found); the handler's are in `handling.attachments`. */
  attachments: IncidentAttachment[];
  appealRef: string | null;
  owner: IncidentOwner | null;
  /** The owner's name: the department's or the unit's (null without an owner, or when unknown). */
  ownerName: string | null;
  step: IncidentStep | null;
  /** When the current step is due. */
  dueAt: string | null;
  /**
   * True when `dueAt` was counted in working time through a provisional calendar year (its State Council notice not
   * loaded yet, `GET /api/v1/calendar/:year` answers `provisional`): the date may move once the notice is loaded.
   */
  dueProvisional: boolean;
  supervision: IncidentSupervision;
  reworkCount: number;
  extension: { requestedUntil: string; reason: string; requestedBy: string } | null;
  /** The latest handling (a rework's new handling replaces it; the timeline keeps each). */
  handling: IncidentHandling | null;
  /**
   * The latest verification. After a failed one the case is handled again: a `handling.at` later than
   * `verification.at` is the new handling waiting for verification.
   */
  verification: IncidentVerification | null;
  evaluation: IncidentEvaluation | null;
  /** The evaluation's rating (also in `evaluation`). */
  rating: number | null;
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic lock: send it back with an action to be sure nobody acted in between. */
  version: number;
  /** What the caller may do now. */
  allowedActions: IncidentAction[];
}

/** The owner a timeline entry names: its kind, code and name (null when unknown). */
export interface TimelineOwner {
  kind: IncidentOwner['kind'];
  code: string;
  /** For a unit: grid, community or street. */
  level?: 'grid' | 'community' | 'street';
  name: string | null;
}

/**
 * Why a dispatch went to its owner: `chosen` — named in the dispatch (`ownerDepartmentCode` / `ownerUnitCode`);
 * `category_department` — the category's owner in the responsibility list is that department;
 * `category_level` — the category is owned at a level (grid, community, street) and the case's grid path gave the unit.
 */
export type DispatchReason = 'chosen' | 'category_department' | 'category_level';

export interface TimelineEntry {
  at: string;
  action: string;
  actor: string;
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus;
  comment: string | null;
  /**
   * What happened in the step, by action (entries written before these details keep what they had, rendered into
   * these keys where it can be; a value the entry does not know is null):
   * - `dispatch`: `owner` ({@link TimelineOwner}), `why` ({@link DispatchReason}), `categoryOwnerLevel` (for `category_level`);
   * - `request_extension`: `requestedUntil`, `reason`, `dueAt` (the due time it would move);
   * - `decide_extension`: `approved`, `requestedUntil`, `dueAt` (the new due time when approved, else the unchanged one);
   * - `handle`: `result`, `resolution`, `attachments` (the handler's, null when not kept), `attachmentCount`;
   * - `verify` and the `closed` that follows a pass: `passed`, `comment`;
   * - `evaluate`: `rating`; `return`: `reason`, `owner` (who returned it); `reject`, `cancel`: `reason`; `merge`: `intoId`;
   * - `report` of a case opened from a hotline appeal: `appealRef`, `handoff`, `reopenCount`, `satisfaction` (the
   *   caller's rating that reopened the appeal, when known);
   * - supervision marks, disputes, visits and joint discussions: as they were recorded.
   */
  details: Record<string, unknown>;
}

/** The answer to a report: the case, and open cases nearby of the same category that may be the same matter. */
export interface ReportResult {
  incident: IncidentView;
  /** True when the Idempotency-Key matched an earlier report: this is that case, nothing new was created. */
  replayed: boolean;
  /** Open cases of the same category nearby, among the cases the caller may see. */
  possibleDuplicates: { id: string; title: string; status: IncidentStatus; distanceMeters: number; createdAt: string }[];
}

export interface IncidentCounts {
  byStatus: Partial<Record<IncidentStatus, number>>;
  overdue: number;
  supervised: number;
  /** With `by=unit`: the counts of each unit at or beneath the one asked (or the caller's), by code. */
  units?: UnitIncidentCounts[];
}

/** One unit's cases (each case counts for every unit of its path from the asked one down). */
export interface UnitIncidentCounts {
  unit: string;
  byStatus: Partial<Record<IncidentStatus, number>>;
  overdue: number;
  supervised: number;
}

/** A page of the cursor-paged list of cases. */
export type IncidentPage = CursorPage<IncidentView>;

/**
 * One transition of a case in the shape of the event it raised (`reported`, `accepted`, … `evaluated`, the cards),
 * rebuilt from the case's timeline for a subscriber that starts after the stream lost it: `id` is the timeline entry's.
 */
export interface IncidentSnapshotEvent {
  id: string;
  /** The event's name in `INCIDENTS_EVENTS`. */
  type: string;
  data: IncidentEventData;
}

/** A case as its snapshot tells it: its transitions in order, as events. */
export interface IncidentSnapshot {
  incidentId: string;
  events: IncidentSnapshotEvent[];
}

export type IncidentSnapshotPage = CursorPage<IncidentSnapshot>;
