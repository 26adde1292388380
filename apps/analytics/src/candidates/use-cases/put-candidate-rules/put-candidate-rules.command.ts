import type { Caller } from '@gridline/auth';
import type { PutCandidateRulesRequest } from '@gridline/contracts-analytics';

export class PutCandidateRulesCommand {
  constructor(
    readonly caller: Caller,
    readonly request: PutCandidateRulesRequest,
  ) {}
}
