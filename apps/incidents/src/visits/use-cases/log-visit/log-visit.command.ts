import type { Caller } from '@gridline/auth';
import type { LogVisitRequest } from '@gridline/contracts-incidents';

export class LogVisitCommand {
  constructor(
    readonly caller: Caller,
    readonly visit: LogVisitRequest,
  ) {}
}
