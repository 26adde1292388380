import type { Caller } from '@gridline/auth';
import type { PageRequest } from '@gridline/platform';

/** Activities the calling party member may still sign up to. */
export class OpenActivitiesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: PageRequest,
  ) {}
}
