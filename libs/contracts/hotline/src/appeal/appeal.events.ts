import type { AppealChannel, AppealOwner, AppealReview, AppealStatus, AppealType, AppealUrgency, Resolution, Satisfaction } from './appeal.types';

/** What every appeal event carries — never the caller's name or phone. */
export interface AppealEventData {
  appealId: string;
  status: AppealStatus;
  channel: AppealChannel;
  type: AppealType;
  categoryCode: string | null;
  gridCode: string | null;
  urgency: AppealUrgency;
  lead: AppealOwner | null;
  coOwners: AppealOwner[];
  /** For a grid owner: what the grid case needs (summary without personal data, location). */
  summary: string;
  location: { lat: number | null; lng: number | null; address: string | null } | null;
  answerDueAt: string | null;
  resolution: Resolution | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
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
