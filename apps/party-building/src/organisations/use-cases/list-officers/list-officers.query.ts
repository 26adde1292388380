import type { Caller } from '@gridline/auth';

/** Every term of an organisation's officers, current and past. */
export class ListOfficersQuery {
  constructor(
    readonly caller: Caller,
    readonly organisationId: string,
  ) {}
}
