import type { CandidateLiftedEventData } from '@gridline/contracts-analytics';

/** A lifted candidate incidents refused, and why. */
export class RecordOpenFailureCommand {
  constructor(
    readonly candidate: CandidateLiftedEventData,
    readonly error: Error,
  ) {}
}
