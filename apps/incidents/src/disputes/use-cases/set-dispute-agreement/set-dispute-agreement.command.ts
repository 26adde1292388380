import type { Caller } from '@gridline/auth';
import type { SetDisputeAgreementBody } from '@gridline/contracts-incidents';

export class SetDisputeAgreementCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly agreement: SetDisputeAgreementBody,
  ) {}
}
