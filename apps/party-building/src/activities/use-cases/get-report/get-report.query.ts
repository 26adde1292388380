import type { Caller } from '@gridline/auth';

export class GetReportQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
