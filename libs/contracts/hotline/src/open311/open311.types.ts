import type { AppealOwner, AppealStatus, Resolution } from '../appeal/appeal.types';

/** A client application's Open311 API key, as issued once: only its SHA-256 hash is kept. */
export interface Open311KeyIssued {
  application: string;
  apiKey: string;
  issuedAt: string;
  /** The application had a key before; that key no longer works. */
  replaced: boolean;
}

/** Whose API key it was. */
export interface Open311Application {
  application: string;
}

/**
 * An appeal as the public may see it through Open311: no caller at all (not even masked), no operator, no
 * timeline — only what a GeoReport v2 service request carries.
 */
export interface PublicAppealView {
  id: string;
  status: AppealStatus;
  categoryCode: string | null;
  content: string;
  location: { lat: number | null; lng: number | null; address: string | null } | null;
  lead: AppealOwner | null;
  answerDueAt: string | null;
  /** The reply to the caller, once answered. */
  replyText: string | null;
  mergedInto: string | null;
  mediaUrl: string | null;
  receivedAt: string;
  updatedAt: string;
}

/**
 * One public step of an appeal for Open311's `servicerequestupdates`: a change of its status (with the reply when it
 * was answered), or a citizen's comment posted through Open311. Never an internal comment, a reason, an actor or the
 * caller.
 */
export interface PublicAppealUpdateView {
  /** The timeline entry's id: stable, increasing. */
  updateId: string;
  appealId: string;
  at: string;
  kind: 'step' | 'comment';
  /** The step's name (`dispatch`, `answer`, `callback`, …), `citizen_update` for a comment. */
  action: string;
  /** The appeal's status after the step (for a comment: when it was made). */
  status: AppealStatus;
  /** The reply to the caller, on an answer step. */
  replyText: string | null;
  /**
   * While answered: the answer's resolution — an answer step's own, or for a comment made while the appeal stood
   * answered, the appeal's.
   */
  resolution: Resolution | null;
  /** On a merge step: the appeal it was merged into. */
  mergedInto: string | null;
  /** A comment's words and media URL, as the citizen sent them. */
  text: string | null;
  mediaUrl: string | null;
}

/** A citizen's comment as recorded (or found again: `replayed`, for the same client update id). */
export interface Open311UpdateRecorded {
  updateId: string;
  appealId: string;
  /** The appeal's status, unchanged by the comment. */
  appealStatus: AppealStatus;
  replayed: boolean;
}

export const Open311ErrorCode = {
  KeyInvalid: 'OPEN311_KEY_INVALID',
  NotOpen311Appeal: 'OPEN311_NOT_YOUR_REQUEST',
  /** No appeal Open311 publishes has this id (or the caller's scope does not cover it). */
  RequestNotFound: 'OPEN311_REQUEST_NOT_FOUND',
  /** The client's update id was given before to another update. */
  UpdateIdReused: 'OPEN311_UPDATE_ID_REUSED',
} as const;
