import type { CursorPage } from '@gridline/platform';
import type { AppealChannel, OwnerFigures, AppealOwner, AppealReview, AppealStatus, AppealType, AppealUrgency, Resolution, Satisfaction } from './appeal.types';

/** What every appeal event carries — never the caller's name or phone. */
export interface AppealEventData {
  appealId: string;
  status: AppealStatus;
  channel: AppealChannel;
  type: AppealType;
  categoryCode: string | null;
  gridCode: string | null;
  /** The appeal's place, street first: the located grid's path, else the street of the operator who took it (its scope). */
  path: string[];
  urgency: AppealUrgency;
  lead: AppealOwner | null;
  coOwners: AppealOwner[];
  /** For a grid owner: what the grid case needs (summary without personal data, location). */
  summary: string;
  location: { lat: number | null; lng: number | null; address: string | null } | null;
  /** When the call was taken (a backdated intake's time): the figures count appeals by it. */
  receivedAt: string;
  /** The latest dispatch (kept after a return); null until dispatched. */
  dispatchedAt: string | null;
  /** The current hand-off's signing-for deadline and signing (both cleared by a return). */
  signDueAt: string | null;
  signedAt: string | null;
  answerDueAt: string | null;
  /** The current answer (cleared by a re-handling). */
  answeredAt: string | null;
  resolution: Resolution | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  /** Returns (退单) that took effect, and extensions granted, so far. */
  returnCount: number;
  extensionCount: number;
  /**
   * The grid hand-off this event belongs to (1, 2, …): raised by each dispatch to a grid and each re-handling of a
   * grid's appeal. The grid case is keyed by it, and results of an earlier hand-off are ignored. Null when the
   * appeal was never handed down to a grid.
   */
  handoff: number | null;
  /**
   * Only in `dispatched`, when the dispatch re-classified the appeal: the category before (`categoryCode` is the new
   * one, which every later event carries).
   */
  categoryChange?: { from: string | null; to: string };
  /**
   * Only in the `dispatched` that follows a grid's return refused by the dispatcher (a new hand-off to the same grid):
   * the dispatcher's reason, for the new case to carry, and the case whose rejection or cancellation asked for it.
   */
  returnRefusal?: { reason: string; incidentId: string | null };
  /** The owner's return or objection under review, or the last one decided (what the review events are about). */
  review: AppealReview | null;
  actor: string;
  at: string;
}

/**
 * A page of the appeals' snapshot (`hotline.appeal.snapshot`, for `svc:analytics` only): each appeal once, as its
 * newest state in the appeal events' payload (no caller name or phone), `at` its last change — what a subscriber
 * started after the stream lost the appeal's events folds as one more event, newest wins.
 */
export type AppealSnapshotPage = CursorPage<AppealEventData>;

/** The deadlines the supervision watches: dispatch (while received), signing-for (while dispatched), the answer. */
export const APPEAL_DEADLINES = ['dispatch', 'sign', 'answer'] as const;
export type AppealDeadline = (typeof APPEAL_DEADLINES)[number];

/**
 * What `reminded` and `overdue` carry: the appeal as every appeal event does (no caller name or phone), and the
 * deadline concerned — always `answer` for a reminder.
 */
export interface AppealSupervisionEventData extends AppealEventData {
  deadline: AppealDeadline;
  /** The deadline reminded of or missed. */
  dueAt: string;
}

/** The figures of one lead owner over the last days, published for analytics (at most once an hour per owner). */
export interface HotlineFiguresUpdatedEventData {
  /** The lead owner: a department code or a unit code. */
  owner: string;
  /** The period, by reception: from (inclusive) to (exclusive). */
  from: string;
  to: string;
  figures: OwnerFigures;
  at: string;
}
