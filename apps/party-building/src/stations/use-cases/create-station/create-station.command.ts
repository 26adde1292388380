import type { Caller } from '@gridline/auth';
import type { CreateStationRequest } from '@gridline/contracts-party-building';

/** A red station at a point of the caller's grids, run by an organisation on the grid's path. */
export class CreateStationCommand {
  constructor(
    readonly caller: Caller,
    readonly station: CreateStationRequest,
  ) {}
}
