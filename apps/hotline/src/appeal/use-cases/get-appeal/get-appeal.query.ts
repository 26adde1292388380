import type { Caller } from '@gridline/auth';

/** One appeal, as the caller may see it. */
export class GetAppealQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
