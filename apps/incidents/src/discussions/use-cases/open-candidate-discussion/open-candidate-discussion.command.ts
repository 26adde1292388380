import type { CandidateLiftedEventData } from '@gridline/contracts-analytics';

/** A lifted 3+N candidate, as analytics' event carries it. */
export class OpenCandidateDiscussionCommand {
  constructor(readonly candidate: CandidateLiftedEventData) {}
}
