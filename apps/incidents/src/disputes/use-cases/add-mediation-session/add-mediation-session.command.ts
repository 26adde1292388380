import type { Caller } from '@gridline/auth';
import type { AddMediationSessionBody } from '@gridline/contracts-incidents';

export class AddMediationSessionCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly session: AddMediationSessionBody,
  ) {}
}
