import type { Caller } from '@gridline/auth';
import type { ReportIncidentRequest } from '@gridline/contracts-incidents';

export class ReportIncidentCommand {
  constructor(
    readonly caller: Caller,
    readonly incident: ReportIncidentRequest,
    /** The client's Idempotency-Key: a retried report creates one case, not two. */
    readonly idempotencyKey?: string,
  ) {}
}
