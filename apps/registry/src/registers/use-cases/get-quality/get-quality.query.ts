import type { Caller } from '@gridline/auth';

export class GetQualityQuery {
  constructor(
    readonly caller: Caller,
    readonly code: string,
  ) {}
}
