/** Analytics publishes no events yet. */
export const ANALYTICS_EVENTS = {} as const;
