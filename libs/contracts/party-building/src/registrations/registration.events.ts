import type { RegistrationPost, RegistrationState } from './registration.types';

/**
 * `events.party-building.registration.<submitted|approved|rejected|ended>`: the registration's ids, units, post and
 * dates — never the member's name, ID number or phone, nor the rejection's words.
 */
export interface RegistrationEventData {
  registrationId: string;
  memberId: string;
  state: RegistrationState;
  communityCode: string;
  gridCode: string;
  /** The grid's path, street first (figures per community and grid). */
  unitPath: string[];
  post: RegistrationPost;
  startsOn: string;
  /** The last day (planned, or the day it ended on `.ended`). */
  endsOn: string | null;
}
