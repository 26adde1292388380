import { defineEvent } from '@gridline/messaging/contracts';
import type { CandidateLiftedEventData } from './candidates/candidate-lifted.event';
import type { CandidateDismissedEvent, CandidateRaisedEvent } from './candidates/candidates.events';

/** Analytics' events (stream `GRIDLINE_ANALYTICS`): the 3+N candidates (未诉先办), subject the candidate id. */
export const ANALYTICS_EVENTS = {
  /** The detector found a recurring issue (once per rule, unit, category and window). */
  candidateRaised: defineEvent<CandidateRaisedEvent>('analytics', 'candidate', 'raised'),
  /** The street grid centre judged it no 3+N matter. */
  candidateDismissed: defineEvent<CandidateDismissedEvent>('analytics', 'candidate', 'dismissed'),
  /** A 3+N candidate lifted into a joint discussion by the street grid centre: incidents opens it. */
  candidateLifted: defineEvent<CandidateLiftedEventData>('analytics', 'candidate', 'lifted'),
} as const;
