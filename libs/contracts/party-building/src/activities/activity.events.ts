import type { ActivityAudience, ActivityKind } from './activity.types';

/** What every activity event names: the activity, its organisation and the organisation's unit (no people). */
interface ActivityEventBase {
  activityId: string;
  organisationId: string;
  unitCode: string;
  /** The organisation's unit path, street first (for figures per community and grid). */
  unitPath: string[];
  kind: ActivityKind;
  /** Service hours an attendance credits. */
  hours: number;
}

/** `events.party-building.activity.scheduled`. */
export interface ActivityScheduledEventData extends ActivityEventBase {
  startsAt: string;
  endsAt: string;
  stationId: string | null;
  capacity: number;
  audience: ActivityAudience;
}

/** `events.party-building.activity.cancelled`: the members signed up, by id, so that they can be told. */
export interface ActivityCancelledEventData extends ActivityEventBase {
  startsAt: string;
  signedUpMemberIds: string[];
}

/** `events.party-building.activity.reported`: the attendance counted when the report was submitted. */
export interface ActivityReportedEventData extends ActivityEventBase {
  signedUp: number;
  attended: number;
  noShows: number;
  walkIns: number;
}

/** `events.party-building.attendance.recorded`: a member checked in (once per member and activity). */
export interface AttendanceRecordedEventData extends ActivityEventBase {
  signUpId: string;
  memberId: string;
  walkIn: boolean;
  attendedAt: string;
}

/** `events.party-building.activity.photo_added`: a photo stored with the activity's report (ids only). */
export interface ActivityPhotoAddedEventData {
  activityId: string;
  photoId: string;
  organisationId: string;
  unitCode: string;
  unitPath: string[];
}
