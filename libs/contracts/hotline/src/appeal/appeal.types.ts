export const APPEAL_CHANNELS = ['phone', 'web', 'app', 'wechat', 'open311', 'other'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

export const APPEAL_TYPES = ['complaint', 'help', 'consultation', 'report', 'suggestion', 'praise'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export const APPEAL_URGENCIES = ['general', 'utilities', 'emergency'] as const;
export type AppealUrgency = (typeof APPEAL_URGENCIES)[number];

/** The states of an appeal, from intake to callback. */
export const APPEAL_STATUSES = ['received', 'dispatched', 'signed', 'answered', 'closed', 'merged'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_ACTIONS = [
  'answer_directly',
  'dispatch',
  'sign',
  'contact',
  'return',
  'decide_return',
  'raise_objection',
  'decide_objection',
  'request_extension',
  'decide_extension',
  'answer',
  'callback',
  'merge',
  'flag',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

export const RESOLUTIONS = ['resolved', 'partly_resolved', 'not_resolved'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied', 'not_reached'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** Who answers an appeal: a department, or a unit of the grid map (a grid's appeal becomes a grid case there). */
export type AppealOwner = { kind: 'department'; departmentCode: string } | { kind: 'unit'; unitCode: string; level: 'grid' | 'community' | 'street' };

/** An owner as a view shows it: its code and its name (null when the registry does not know the code or cannot say). */
export type AppealOwnerView = AppealOwner & { name: string | null };

/**
 * Who a dispatch naming no lead gives the appeal to (GET /appeals/{id}/owner-suggestion): the category's owner on
 * the responsibility list at the appeal's place (`category_owner`), or its street (`street_fallback`: no category,
 * no owner, or a level owner and no located grid).
 */
export interface OwnerSuggestion {
  lead: AppealOwnerView;
  why: 'category_owner' | 'street_fallback';
}

/** An extension of the answer deadline the lead owner asked for, waiting for the hotline's decision. */
export interface AppealPendingExtension {
  /** The answer deadline asked for. */
  requestedUntil: string;
  reason: string;
  /** Who asked (token subject). */
  requestedBy: string;
  /** When it was asked. */
  at: string;
}

/** A grid hand-off the grid's service refused: the appeal went back to the hotline to be dispatched again. */
export interface AppealHandoffFailure {
  handoff: number;
  code: string;
  reason: string;
  at: string;
}

/** What an owner asks the dispatcher to review: a return (退单) of the appeal, or an objection (异议) to an assignment. */
export const APPEAL_REVIEW_KINDS = ['return', 'objection'] as const;
export type AppealReviewKind = (typeof APPEAL_REVIEW_KINDS)[number];

/**
 * An owner's return or objection and the dispatcher's decision on it — one mechanism for both. `pending` until the
 * hotline decides; `lapsed` when the appeal left its owners first (answered or returned through its grid case).
 * The latest one stays on the appeal after its decision, until another is raised. A grid's return is its case's
 * rejection or cancellation by the grid centre: `requestedBy` is whoever took that step, `incidentId` the case.
 */
export interface AppealReview {
  kind: AppealReviewKind;
  status: 'pending' | 'approved' | 'refused' | 'lapsed';
  /** The assignment concerned: the lead owner's, or a co-owner's. A return is always the lead's. */
  role: 'lead' | 'co_owner';
  owner: AppealOwner;
  /** An objection's suggestion: who should take the assignment instead. */
  suggestedOwner: AppealOwner | null;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why it was refused (required), or a note on the approval. */
  decisionReason: string | null;
  /** Only for a grid's return: the case whose rejection or cancellation asked for it. */
  incidentId?: string;
}

/** An appeal as the hotline answers it; the caller's name and phone are masked. */
export interface AppealView {
  id: string;
  /** The readable work-order number, 12345-YYYYMMDD-NNNNNN (unique per China day); `q` finds an appeal by it. */
  workOrder: string;
  status: AppealStatus;
  channel: AppealChannel;
  type: AppealType;
  caller: { name: string | null; phone: string | null; anonymous: boolean; flagged: boolean };
  content: string;
  categoryCode: string | null;
  /** The category's name on the responsibility list (null if unknown). */
  categoryName: string | null;
  location: { lat: number | null; lng: number | null; address: string | null } | null;
  gridCode: string | null;
  /** The located grid's name (null if unknown). */
  gridName: string | null;
  urgency: AppealUrgency;
  operator: string;
  /** The lead owner with its department's or unit's name. */
  lead: AppealOwnerView | null;
  coOwners: AppealOwnerView[];
  /** The grid case opened for it, when it was handed down to a grid (the case of the current hand-off only). */
  incidentId: string | null;
  incidentStatus: string | null;
  /** The current grid hand-off's number (each dispatch to a grid and each re-handling starts one), null if none. */
  handoff: number | null;
  /** Why the last grid hand-off failed ("hand-off failed: reason"), until the appeal is dispatched again. */
  handoffFailure: AppealHandoffFailure | null;
  /** The owner's return or objection waiting for the dispatcher (`status: 'pending'`), or the last one decided. */
  review: AppealReview | null;
  dispatchDueAt: string | null;
  signDueAt: string | null;
  /** The owner's first contact with the caller: due, and done. */
  contactDueAt: string | null;
  contactedAt: string | null;
  answerDueAt: string | null;
  /** The extension the lead owner asked for, until the hotline decides it (the decision is on the timeline). */
  pendingExtension: AppealPendingExtension | null;
  /**
   * True when `answerDueAt` was counted in working time through a provisional calendar year (its State Council notice
   * not loaded yet): the date may move once the notice is loaded. A date given by a person (an extension) is not.
   */
  dueProvisional: boolean;
  signedAt: string | null;
  answeredAt: string | null;
  reply: { resolution: Resolution; text: string } | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  returnCount: number;
  extensionCount: number;
  mergedInto: string | null;
  receivedAt: string;
  updatedAt: string;
  version: number;
  allowedActions: AppealAction[];
  /**
   * Only in the answer of `flag`: how many appeals the flag marked — this one and the same phone's other appeals
   * within your scope that were not flagged yet. Appeals outside your scope are left as they are.
   */
  flaggedAppeals?: number;
}

export interface AppealTimelineEntry {
  at: string;
  action: string;
  actor: string;
  fromStatus: AppealStatus | null;
  toStatus: AppealStatus;
  comment: string | null;
  /**
   * What the step decided, where it matters to the next person: an extension asked (`requestedUntil`) or decided
   * (`decision` granted|refused, `requestedUntil`, `answerDueAt` before and after), a category changed at dispatch
   * (`from`, `to`). Null for the other steps.
   */
  details: AppealTimelineDetails | null;
}

/** The facts a timeline entry records besides its comment: flat values only. */
export type AppealTimelineDetails = Record<string, string | number | boolean | null>;

/** The three rates and the unit figures of one owner over a period. */
export interface OwnerFigures {
  /** The lead owner: a department code or a unit code. */
  owner: string;
  /** The department's or unit's name (null if unknown). */
  ownerName: string | null;
  appeals: number;
  /** Signed for in time / dispatched. */
  responseRate: number | null;
  /** Resolved / answered. */
  resolutionRate: number | null;
  /** (Satisfied + basically satisfied) / rated (not reached excluded). */
  satisfactionRate: number | null;
  onTimeRate: number | null;
  returnRate: number | null;
  reopenRate: number | null;
  extensionRate: number | null;
}

/**
 * An earlier appeal the operator may want to merge with or mention: the same caller's within the repeat window (of
 * the same category, when one is given), or an open one of the same category in the same grid — among those the
 * asking caller may see.
 */
export interface RelatedAppeal {
  id: string;
  workOrder: string;
  reason: 'same_caller' | 'same_place';
  status: AppealStatus;
  categoryCode: string | null;
  content: string;
  address: string | null;
  receivedAt: string;
}

export interface IntakeResult {
  appeal: AppealView;
  /** The appeal's related ones (GET /appeals/related answers the same before the intake). */
  related: RelatedAppeal[];
}

/** An appeal's caller in clear, for the callback: only the fields asked for, each audited. Null for an anonymous caller. */
export interface RevealedCallerView {
  id: string;
  name?: string | null;
  phone?: string | null;
}

/** One audited reveal of an appeal's caller. */
export interface CallerAuditEntryView {
  id: string;
  at: string;
  actor: string;
  actorRoles: string[];
  appealId: string;
  fields: string[];
  reason: string;
  correlationId: string | null;
}
