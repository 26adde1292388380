import type { Caller } from '@gridline/auth';
import type { OpenVisitIncidentBody } from '@gridline/contracts-incidents';

export class OpenVisitIncidentCommand {
  constructor(
    readonly caller: Caller,
    readonly visitId: string,
    readonly incident: OpenVisitIncidentBody,
  ) {}
}
