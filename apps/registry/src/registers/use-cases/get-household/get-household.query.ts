import type { Caller } from '@gridline/auth';

export class GetHouseholdQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
