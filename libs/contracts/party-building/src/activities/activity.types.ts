import type { ActivityPhotoView } from './activity-photo.types';

/** Kinds of party activity: theme party day (主题党日), volunteer service (志愿服务), study (学习), organisational life (组织生活). */
export const ACTIVITY_KINDS = ['theme_party_day', 'volunteer_service', 'study', 'organisational_life', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * Who may sign up: `organisation` — members of the organisation and of the organisations beneath it; `scope` — any
 * member whose organisation is bound within the organisation's unit; `all` — any party member.
 */
export const ACTIVITY_AUDIENCES = ['organisation', 'scope', 'all'] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];

export const ACTIVITY_STATUSES = ['scheduled', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** How long a check-in code lives (it never outlives the activity's end plus CHECK_IN_MARGIN_MINUTES). */
export const CHECK_IN_CODE_MINUTES = 15;
/** Check-in opens this long before the start and closes this long after the end. */
export const CHECK_IN_MARGIN_MINUTES = 30;
/** Wrong codes a member may submit for one code of an activity before being locked out until a new code is opened. */
export const CHECK_IN_MAX_WRONG = 5;
/** The code's alphabet: no 0/O, 1/I/L, so that a code read off a screen is typed right. */
export const CHECK_IN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 8;

/** A party activity of an organisation. */
export interface ActivityView {
  id: string;
  organisationId: string;
  /** The unit the organisation is bound to. */
  unitCode: string;
  kind: ActivityKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  /** A red station (id) or an address: exactly one is set. */
  stationId: string | null;
  address: string | null;
  capacity: number;
  audience: ActivityAudience;
  /** Service hours credited for attending (0–24, half-hours). */
  hours: number;
  /** Active sign-ups (walk-ins who checked in included). */
  signedUp: number;
  status: ActivityStatus;
  cancelReason: string | null;
  reported: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A member's sign-up to an activity. */
export interface SignUpView {
  id: string;
  activityId: string;
  memberId: string;
  /** `signed_up`, or `cancelled` by the member or a keeper before the start. */
  status: 'signed_up' | 'cancelled';
  /** True when the member checked in without signing up first (a seat was free). */
  walkIn: boolean;
  signedUpAt: string;
  cancelledAt: string | null;
  attendedAt: string | null;
  /** Who recorded the attendance from the sign-in sheet after the activity (null: the member checked in with the code). */
  recordedBy: string | null;
}

/** The code a keeper shows at the activity; shown once, stored only as a hash. */
export interface CheckInCodeView {
  activityId: string;
  code: string;
  expiresAt: string;
}

/** A member's check-in: the sign-up as attended and what the service ledger was credited. */
export interface CheckInView {
  signUp: SignUpView;
  /** Service hours credited to the member's ledger for this attendance (0 for an activity of 0 hours, or when refused). */
  hours: number;
  /** The member's service record for the activity (null when nothing was credited). */
  serviceRecordId: string | null;
  /** Why the attendance was recorded without hours (the member's day would pass 24 hours), else null. */
  creditRefused: string | null;
}

/** An activity recorded after it was held, with its attendance from the sign-in sheet. */
export interface HeldActivityView {
  activity: ActivityView;
  /** The members recorded as attending. */
  attended: number;
  /** Service hours credited in all (a member whose day was full is recorded without hours). */
  hoursCredited: number;
  /** Members recorded without hours, with why. */
  creditRefused: { memberId: string; reason: string }[];
}

/** The activity's report: attendance counted at submission, what was done, its photos (stored ones, oldest first). */
export interface ActivityReportView {
  activityId: string;
  signedUp: number;
  attended: number;
  noShows: number;
  walkIns: number;
  summary: string;
  reportedAt: string;
  reportedBy: string;
  photos: ActivityPhotoView[];
}

/** An activity open to the member: upcoming, not cancelled, a seat free, their audience; how many seats are left. */
export interface OpenActivityView {
  activity: ActivityView;
  seatsLeft: number;
}

/** One of a member's own activities, with their sign-up. */
export interface MemberActivityView {
  activity: ActivityView;
  signUp: SignUpView;
}
