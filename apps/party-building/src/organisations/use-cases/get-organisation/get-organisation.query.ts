import type { Caller } from '@gridline/auth';

export class GetOrganisationQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
