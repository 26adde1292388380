import type { AppealOwner, AppealStatus } from '../appeal/appeal.types';

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

export const Open311ErrorCode = {
  KeyInvalid: 'OPEN311_KEY_INVALID',
  NotOpen311Appeal: 'OPEN311_NOT_YOUR_REQUEST',
} as const;
