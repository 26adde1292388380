import type { Caller } from '@gridline/auth';

export class GetIncidentCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
