import type { Caller } from '@gridline/auth';

export class GetResidentQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
