import type { Caller } from '@gridline/auth';

export class ListUnitChildrenQuery {
  constructor(
    readonly caller: Caller,
    readonly code: string,
  ) {}
}
