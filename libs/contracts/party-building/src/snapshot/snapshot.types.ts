import type { CursorPage } from '@gridline/platform';
import type { ActivityScheduledEventData, AttendanceRecordedEventData } from '../activities/activity.events';
import type { ServiceRecordEventData } from '../ledger/ledger.events';
import type { MemberEventData } from '../members/member.events';
import type { OrganisationEventData } from '../organisations/organisation.events';
import type { RegistrationEventData } from '../registrations/registration.events';

/** Where an activity stands in the snapshot: as scheduled, cancelled, or held and reported. */
export type ActivitySnapshotState = 'scheduled' | 'cancelled' | 'reported';

/** An activity in the snapshot: what `activity.scheduled` carries (its start among it), and where it stands now. */
export interface ActivitySnapshotData extends ActivityScheduledEventData {
  state: ActivitySnapshotState;
}

/**
 * One record of party building's snapshot, as its newest state in the payload of its events (no names, ID numbers,
 * phones, notes or reasons — what the events never carry), `at` its last change (a check-in: when it was made).
 */
export type PartySnapshotItem =
  | { kind: 'organisation'; at: string; data: OrganisationEventData }
  | { kind: 'member'; at: string; data: MemberEventData }
  | { kind: 'registration'; at: string; data: RegistrationEventData }
  | { kind: 'activity'; at: string; data: ActivitySnapshotData }
  | { kind: 'attendance'; at: string; data: AttendanceRecordedEventData }
  | { kind: 'service_record'; at: string; data: ServiceRecordEventData };

export type PartySnapshotKind = PartySnapshotItem['kind'];

/**
 * A page of party building's snapshot (`party-building.figures.snapshot`, for `svc:analytics` only): every
 * organisation, member, in-service registration, activity, check-in and service record once, in the order of its
 * creation — what a subscriber started after the stream lost their events applies as one more event each, newest wins.
 */
export type PartySnapshotPage = CursorPage<PartySnapshotItem>;
