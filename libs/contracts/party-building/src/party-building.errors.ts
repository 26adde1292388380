import { fieldChecks } from '@gridline/platform';

/** Error codes of the party-building service (each feature adds its own beside these). */
export const PartyErrorCode = {
  /** Bad input: `details.field` names the field, `details.reason` why. */
  Invalid: 'PARTY_INVALID',
  /** An organisation that does not exist, or not in the caller's scope (the two are not told apart). */
  OrganisationNotFound: 'PARTY_ORGANISATION_NOT_FOUND',
  /** A party member that does not exist, or not in the caller's scope (the two are not told apart). */
  MemberNotFound: 'PARTY_MEMBER_NOT_FOUND',
  /** An officer's term that is not one of the organisation's. */
  OfficerNotFound: 'PARTY_OFFICER_NOT_FOUND',
  /** A unit of the map that does not exist, or not in the caller's scope (the two are not told apart). */
  UnitNotFound: 'PARTY_UNIT_NOT_FOUND',
  /** A unit that the organisation cannot be bound to (unknown, inactive, wrong level for the organisation's). */
  UnitRefused: 'PARTY_UNIT_REFUSED',
  /** A registration that does not exist, or not in the caller's scope (the two are not told apart). */
  RegistrationNotFound: 'PARTY_REGISTRATION_NOT_FOUND',
  /** A step the registration's state does not allow (approving an ended one, ending a rejected one). */
  RegistrationState: 'PARTY_REGISTRATION_STATE',
  /** A red station that does not exist, or not in the caller's scope. */
  StationNotFound: 'PARTY_STATION_NOT_FOUND',
  /** A station's service record that does not exist, or not in the caller's scope. */
  StationServiceNotFound: 'PARTY_STATION_SERVICE_NOT_FOUND',
  /** A linked incident (a mediation's dispute) that does not exist, or not in the caller's scope. */
  IncidentNotFound: 'PARTY_INCIDENT_NOT_FOUND',
  /**
   * A station or record the rules refuse (422, `details.fields` naming the field): a point in no grid of the caller's
   * scope, an organisation off the grid's path, a function the station does not offer, a linked case that is no dispute.
   */
  StationRefused: 'PARTY_STATION_REFUSED',
  /** A change that conflicts with what is stored (e.g. a second branch for a grid). */
  Conflict: 'PARTY_CONFLICT',
  /** A service record that does not exist, or not in the caller's scope. */
  ServiceRecordNotFound: 'PARTY_SERVICE_RECORD_NOT_FOUND',
  /** A service record that would bring the member's day over 24 hours (`details.fields` names `hours`). */
  ServiceDayFull: 'PARTY_SERVICE_DAY_FULL',
  /** A decision on a record already approved or rejected. */
  ServiceRecordDecided: 'PARTY_SERVICE_RECORD_DECIDED',
  /** A member deciding on their own service record. */
  OwnServiceRecord: 'PARTY_OWN_SERVICE_RECORD',
  /** An activity that does not exist, or not in the caller's scope. */
  ActivityNotFound: 'PARTY_ACTIVITY_NOT_FOUND',
  /** A step the activity's state or time does not allow (signing up after the start, reporting before the end, …). */
  ActivityClosed: 'PARTY_ACTIVITY_CLOSED',
  /** The member has no sign-up to the activity (or the activity has no report yet: `ActivityNotFound`). */
  SignUpNotFound: 'PARTY_SIGN_UP_NOT_FOUND',
  /** Every seat of the activity is taken. */
  ActivityFull: 'PARTY_ACTIVITY_FULL',
  /** The member may not sign up for this activity (its audience does not include them). */
  NotInAudience: 'PARTY_NOT_IN_AUDIENCE',
  /** A check-in code that is wrong, expired or replaced by a newer one (`details.field` = `code`, `details.reason`). */
  CheckInCodeRefused: 'PARTY_CHECK_IN_CODE_REFUSED',
  /** The member already checked in to the activity. */
  AlreadyCheckedIn: 'PARTY_ALREADY_CHECKED_IN',
  /** Too many wrong codes for this activity: locked out until a new code is opened. */
  CheckInLocked: 'PARTY_CHECK_IN_LOCKED',
  /** A photo of an activity report that does not exist, is still uploading, or whose activity the caller may not read. */
  PhotoNotFound: 'PARTY_PHOTO_NOT_FOUND',
  /** The activity's report keeps ACTIVITY_PHOTO_LIMITS.maxPerReport photos (`details.fields` names `photo`). */
  PhotoLimit: 'PARTY_PHOTO_LIMIT_REACHED',
  /** The chunks of an upload do not make the announced photo (`details.missingChunks`, …). */
  PhotoIncomplete: 'PARTY_PHOTO_UPLOAD_INCOMPLETE',
  /** A work committee — or one of its member units, meetings, resolutions or tasks — that does not exist in the caller's scope. */
  CommitteeNotFound: 'PARTY_COMMITTEE_NOT_FOUND',
  /** A committee step its state refuses (a done task reopened, a resolution with a task turned into a case). */
  CommitteeRule: 'PARTY_COMMITTEE_RULE',
} as const;
export type PartyErrorCode = (typeof PartyErrorCode)[keyof typeof PartyErrorCode];

/** `partyInvalid(field, reason)`: the one 400 of the service; `need(value, field, reason)` for a required value. */
export const { invalid: partyInvalid, need } = fieldChecks(PartyErrorCode.Invalid);
