import { defineEvent } from '@gridline/messaging/contracts';
import type { CandidateLiftedEventData } from './candidates/candidate-lifted.event';

/** Analytics' events. */
export const ANALYTICS_EVENTS = {
  /** A 3+N candidate lifted into a joint discussion by the street grid centre (subject: the candidate id). */
  candidateLifted: defineEvent<CandidateLiftedEventData>('analytics', 'candidate', 'lifted'),
} as const;
