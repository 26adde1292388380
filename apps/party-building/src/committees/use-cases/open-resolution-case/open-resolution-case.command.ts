import type { Caller } from '@gridline/auth';
import type { OpenResolutionCaseRequest } from '@gridline/contracts-party-building';

/** A resolution handed to incidents as a grid case of the committee's exclusive grid. */
export class OpenResolutionCaseCommand {
  constructor(
    readonly caller: Caller,
    readonly request: OpenResolutionCaseRequest,
  ) {}
}
