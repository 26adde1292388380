import { serviceInfoRequest } from '@gridline/messaging/contracts';

/** Health of a service over the bus (the one definition, in @gridline/messaging). */
export type { ServiceInfo } from '@gridline/messaging/contracts';

/** Every command and query the party-building service answers over the bus. */
export const PARTY_BUILDING_REQUESTS = {
  info: serviceInfoRequest('party-building'),
} as const;
