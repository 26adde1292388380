import type { Caller } from '@gridline/auth';
import type { IncidentAction, IncidentActionBody } from '@gridline/contracts-incidents';

export class ActOnIncidentCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly action: IncidentAction,
    readonly body: IncidentActionBody,
  ) {}
}
