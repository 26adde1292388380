import type { Caller } from '@gridline/auth';
import type { AddDisputePartyBody } from '@gridline/contracts-incidents';

export class AddDisputePartyCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly party: AddDisputePartyBody,
  ) {}
}
