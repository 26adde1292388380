import { defineRequest } from '@gridline/messaging';

/** Health of the party-building service over the bus (its domain arrives in a later issue). */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** Every command and query the party-building service answers over the bus. */
export const PARTY_BUILDING_REQUESTS = {
  info: defineRequest<Record<string, never>, ServiceInfo>('party-building', 'party-building.service.info'),
} as const;

/** The party-building service publishes no events yet. */
export const PARTY_BUILDING_EVENTS = {} as const;
