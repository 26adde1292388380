import { defineRequest } from '@gridline/messaging/contracts';

/** Health of the party-building service over the bus (its domain arrives in a later issue). */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** Every command and query the party-building service answers over the bus. */
export const PARTY_BUILDING_REQUESTS = {
  info: defineRequest<Record<string, never>, ServiceInfo>('party-building', 'party-building.service.info'),
} as const;
