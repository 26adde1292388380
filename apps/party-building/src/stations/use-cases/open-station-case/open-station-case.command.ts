import type { Caller } from '@gridline/auth';
import type { OpenStationCaseRequest } from '@gridline/contracts-party-building';

/** A station's social-conditions report handed to incidents as a grid case. */
export class OpenStationCaseCommand {
  constructor(
    readonly caller: Caller,
    readonly request: OpenStationCaseRequest,
  ) {}
}
