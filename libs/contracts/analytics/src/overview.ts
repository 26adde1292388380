import { defineRequest } from '@gridline/messaging';

/** Counts of units in the caller's scope (GET /api/v1/analytics/overview). */
export interface OverviewView {
  streets: number;
  communities: number;
  grids: number;
  exclusiveGrids: number;
}

/** Every query analytics answers over the bus. */
export const ANALYTICS_REQUESTS = {
  overview: defineRequest<Record<string, never>, OverviewView>('analytics', 'analytics.overview.get'),
} as const;

/** Analytics publishes no events yet. */
export const ANALYTICS_EVENTS = {} as const;
