import { fromHalfHours } from '@gridline/contracts-party-building';
import type {
  ActivityCancelledEventData,
  ActivityPhotoView,
  ActivityReportView,
  ActivityScheduledEventData,
  ActivityView,
  AttendanceRecordedEventData,
  SignUpView,
} from '@gridline/contracts-party-building';
import type { ActivityEntity, SignUpEntity } from './activity.entity';

export function hoursOf(activity: Pick<ActivityEntity, 'halfHours'>): number {
  return fromHalfHours(activity.halfHours);
}

export function toActivityView(a: ActivityEntity): ActivityView {
  return {
    id: a.id,
    organisationId: a.organisationId,
    unitCode: a.unitCode,
    kind: a.kind,
    title: a.title,
    description: a.description,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    stationId: a.stationId,
    address: a.address,
    capacity: a.capacity,
    audience: a.audience,
    hours: hoursOf(a),
    signedUp: a.signedUp,
    status: a.status,
    cancelReason: a.cancelReason,
    reported: a.reportedAt !== null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toSignUpView(s: SignUpEntity): SignUpView {
  return {
    id: s.id,
    activityId: s.activityId,
    memberId: s.memberId,
    status: s.status,
    walkIn: s.walkIn,
    signedUpAt: s.signedUpAt.toISOString(),
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    attendedAt: s.attendedAt?.toISOString() ?? null,
    recordedBy: s.recordedBy,
  };
}

/** The report with its stored photos (`photos`, already as views), or null before it is submitted. */
export function toReportView(a: ActivityEntity, photos: ActivityPhotoView[]): ActivityReportView | null {
  if (!a.reportedAt || !a.reportCounts || a.reportSummary === null || a.reportedBy === null) return null;
  return { activityId: a.id, ...a.reportCounts, summary: a.reportSummary, reportedAt: a.reportedAt.toISOString(), reportedBy: a.reportedBy, photos };
}

/** What every activity event says of the activity (ids, unit, kind, hours). */
export function activityEventBase(a: ActivityEntity) {
  return { activityId: a.id, organisationId: a.organisationId, unitCode: a.unitCode, unitPath: [...a.path], kind: a.kind, hours: hoursOf(a) };
}

export function toScheduledEventData(a: ActivityEntity): ActivityScheduledEventData {
  return { ...activityEventBase(a), startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), stationId: a.stationId, capacity: a.capacity, audience: a.audience };
}

export function toCancelledEventData(a: ActivityEntity, signedUpMemberIds: string[]): ActivityCancelledEventData {
  return { ...activityEventBase(a), startsAt: a.startsAt.toISOString(), signedUpMemberIds };
}

/** `attendance.recorded` of a sign-up checked in (when it attended; now if not told yet). */
export function toAttendanceEventData(a: ActivityEntity, s: SignUpEntity): AttendanceRecordedEventData {
  return { ...activityEventBase(a), signUpId: s.id, memberId: s.memberId, walkIn: s.walkIn, attendedAt: (s.attendedAt ?? new Date()).toISOString() };
}
