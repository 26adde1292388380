import type { Caller } from '@gridline/auth';
import type { CallerAuditQuery } from '@gridline/contracts-hotline';

/** A page of the audit log of revealed callers, filtered by appeal and actor. */
export class ListCallerAuditQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: CallerAuditQuery,
  ) {}
}
