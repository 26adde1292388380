import type { Caller } from '@gridline/auth';
import type { ReportIncidentRequest } from '@gridline/contracts-incidents';

export class ReportIncidentCommand {
  constructor(
    readonly caller: Caller,
    readonly incident: ReportIncidentRequest,
    /** The client's Idempotency-Key: a retried report creates one case, not two. */
    readonly idempotencyKey?: string,
    /** For a case opened from a hotline appeal: the appeal's hand-off it answers (not a field clients may set). */
    readonly appealHandoff?: number,
    /** What the report's timeline entry notes of the case's origin (a hotline hand-off: appeal, hand-off, satisfaction). */
    readonly origin?: Record<string, unknown>,
    /** For a case opened from the demo seed's back-dated hand-off: when it was handed down (not a field clients may set). */
    readonly foundAt?: Date,
  ) {}
}
