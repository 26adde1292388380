/** `events.analytics.candidate.raised`: the detector found a recurring issue (once per rule, unit, category and window). */
export interface CandidateRaisedEvent {
  candidateId: string;
  streetCode: string;
  unitCode: string;
  unitPath: string[];
  categoryCode: string;
  /** The rule's category code (`*` the default) and kind. */
  rule: { categoryCode: string; kind: string };
  summary: string;
  evidence: { incidentIds: string[]; appealIds: string[] };
  at: string;
}

/** `events.analytics.candidate.dismissed`: the street grid centre judged it no 3+N matter. */
export interface CandidateDismissedEvent {
  candidateId: string;
  streetCode: string;
  unitCode: string;
  unitPath: string[];
  categoryCode: string;
  reason: string;
  /** The caller's sub. */
  dismissedBy: string;
  at: string;
}

// `events.analytics.candidate.lifted`: CandidateLiftedEventData (candidate-lifted.event.ts), the contract incidents consumes.
