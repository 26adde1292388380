import type { Caller } from '@gridline/auth';
import type { GridRole } from '@gridline/contracts-registry';

export class ListUnitPeopleQuery {
  constructor(
    readonly caller: Caller,
    readonly code: string,
    readonly role: GridRole | undefined,
    readonly includeInactive: boolean,
  ) {}
}
