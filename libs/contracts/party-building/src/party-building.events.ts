import { defineEvent } from '@gridline/messaging/contracts';
import type { OrganisationEventData } from './organisations/organisation.events';

/**
 * Every event the party-building service publishes (`events.party-building.<aggregate>.<event>`), none with personal
 * data: ids, units, levels, counts. Each feature adds its own here.
 */
export const PARTY_BUILDING_EVENTS = {
  organisationCreated: defineEvent<OrganisationEventData>('party-building', 'organisation', 'created'),
  organisationUpdated: defineEvent<OrganisationEventData>('party-building', 'organisation', 'updated'),
} as const;
