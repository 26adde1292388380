import { serviceInfoRequest } from '@gridline/messaging/contracts';
import { LEDGER_REQUESTS } from './ledger/ledger.requests';
import { COVERAGE_REQUESTS } from './branch-coverage/coverage.requests';
import { MEMBER_REQUESTS } from './members/member.requests';
import { ORGANISATION_REQUESTS } from './organisations/organisation.requests';
import { ACTIVITY_REQUESTS } from './activities/activity.requests';
import { ACTIVITY_PHOTO_REQUESTS } from './activities/activity-photo.requests';
import { REGISTRATION_REQUESTS } from './registrations/registration.requests';
import { STATION_REQUESTS } from './stations/station.requests';
import { COMMITTEE_REQUESTS } from './committees/committee.requests';
import { SNAPSHOT_REQUESTS } from './snapshot/snapshot.requests';

/** Health of a service over the bus (the one definition, in @gridline/messaging). */
export type { ServiceInfo } from '@gridline/messaging/contracts';

/**
 * Every command and query the party-building service answers over the bus: each feature keeps its map beside its DTOs
 * (`<feature>/<feature>.requests.ts`) and is spread in here.
 */
export const PARTY_BUILDING_REQUESTS = {
  info: serviceInfoRequest('party-building'),
  ...ORGANISATION_REQUESTS,
  ...MEMBER_REQUESTS,
  ...LEDGER_REQUESTS,
  ...ACTIVITY_REQUESTS,
  ...ACTIVITY_PHOTO_REQUESTS,
  ...COVERAGE_REQUESTS,
  ...REGISTRATION_REQUESTS,
  ...STATION_REQUESTS,
  ...COMMITTEE_REQUESTS,
  ...SNAPSHOT_REQUESTS,
} as const;
