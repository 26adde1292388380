import type { Caller } from '@gridline/auth';

export class GetUnitQuery {
  constructor(
    readonly caller: Caller,
    readonly code: string,
  ) {}
}
