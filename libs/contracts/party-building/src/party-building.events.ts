import { defineEvent } from '@gridline/messaging/contracts';
import type { ServiceRecordEventData } from './ledger/ledger.events';
import type { MemberEventData } from './members/member.events';
import type { OfficerEventData, OrganisationEventData } from './organisations/organisation.events';
import type { ActivityCancelledEventData, ActivityPhotoAddedEventData, ActivityReportedEventData, ActivityScheduledEventData, AttendanceRecordedEventData } from './activities/activity.events';
import type { RegistrationEventData } from './registrations/registration.events';
import type { StationCaseOpenedEventData, StationEventData, StationServiceRecordedEventData } from './stations/station.events';
import type {
  CommitteeCaseOpenedEventData,
  CommitteeCreatedEventData,
  CommitteeMeetingHeldEventData,
  CommitteeMemberUnitJoinedEventData,
  CommitteeTaskUpdatedEventData,
} from './committees/committee.events';

/**
 * Every event the party-building service publishes (`events.party-building.<aggregate>.<event>`), none with personal
 * data: ids, units, levels, counts. Each feature adds its own here.
 */
export const PARTY_BUILDING_EVENTS = {
  organisationCreated: defineEvent<OrganisationEventData>('party-building', 'organisation', 'created'),
  organisationUpdated: defineEvent<OrganisationEventData>('party-building', 'organisation', 'updated'),
  memberCreated: defineEvent<MemberEventData>('party-building', 'member', 'created'),
  memberUpdated: defineEvent<MemberEventData>('party-building', 'member', 'updated'),
  memberTransferred: defineEvent<MemberEventData>('party-building', 'member', 'transferred'),
  officerAppointed: defineEvent<OfficerEventData>('party-building', 'organisation', 'officer_appointed'),
  officerEnded: defineEvent<OfficerEventData>('party-building', 'organisation', 'officer_ended'),
  /** A member's service record was made (an activity's credit starts approved, a grid task pending). */
  memberServiceRecorded: defineEvent<ServiceRecordEventData>('party-building', 'member', 'service_recorded'),
  memberServiceApproved: defineEvent<ServiceRecordEventData>('party-building', 'member', 'service_approved'),
  memberServiceRejected: defineEvent<ServiceRecordEventData>('party-building', 'member', 'service_rejected'),
  activityScheduled: defineEvent<ActivityScheduledEventData>('party-building', 'activity', 'scheduled'),
  activityCancelled: defineEvent<ActivityCancelledEventData>('party-building', 'activity', 'cancelled'),
  activityReported: defineEvent<ActivityReportedEventData>('party-building', 'activity', 'reported'),
  activityPhotoAdded: defineEvent<ActivityPhotoAddedEventData>('party-building', 'activity', 'photo_added'),
  attendanceRecorded: defineEvent<AttendanceRecordedEventData>('party-building', 'attendance', 'recorded'),
  registrationSubmitted: defineEvent<RegistrationEventData>('party-building', 'registration', 'submitted'),
  registrationApproved: defineEvent<RegistrationEventData>('party-building', 'registration', 'approved'),
  registrationRejected: defineEvent<RegistrationEventData>('party-building', 'registration', 'rejected'),
  registrationEnded: defineEvent<RegistrationEventData>('party-building', 'registration', 'ended'),
  stationCreated: defineEvent<StationEventData>('party-building', 'station', 'created'),
  stationUpdated: defineEvent<StationEventData>('party-building', 'station', 'updated'),
  stationServiceRecorded: defineEvent<StationServiceRecordedEventData>('party-building', 'station', 'service_recorded'),
  stationCaseOpened: defineEvent<StationCaseOpenedEventData>('party-building', 'station', 'case_opened'),
  committeeCreated: defineEvent<CommitteeCreatedEventData>('party-building', 'committee', 'created'),
  committeeMemberUnitJoined: defineEvent<CommitteeMemberUnitJoinedEventData>('party-building', 'committee', 'member_unit_joined'),
  committeeMeetingHeld: defineEvent<CommitteeMeetingHeldEventData>('party-building', 'committee', 'meeting_held'),
  committeeTaskUpdated: defineEvent<CommitteeTaskUpdatedEventData>('party-building', 'committee', 'task_updated'),
  committeeCaseOpened: defineEvent<CommitteeCaseOpenedEventData>('party-building', 'committee', 'case_opened'),
} as const;
