import type { Caller } from '@gridline/auth';
import type { WorkloadQuery } from '@gridline/contracts-analytics';

export class GetWorkloadQuery {
  constructor(
    readonly caller: Caller,
    readonly query: WorkloadQuery,
  ) {}
}
