/** The party-building service publishes no events yet. */
export const PARTY_BUILDING_EVENTS = {} as const;
