import type { Caller } from '@gridline/auth';
import type { AuditQuery } from '@gridline/contracts-registry';

export class ListAuditQuery {
  constructor(
    readonly caller: Caller,
    readonly query: AuditQuery,
  ) {}
}
