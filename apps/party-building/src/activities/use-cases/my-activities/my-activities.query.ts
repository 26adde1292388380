import type { Caller } from '@gridline/auth';
import type { PageRequest } from '@gridline/platform';

/** The caller's own sign-ups (a party member). */
export class MyActivitiesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: PageRequest,
  ) {}
}
