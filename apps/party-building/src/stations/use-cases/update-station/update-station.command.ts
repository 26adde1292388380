import type { Caller } from '@gridline/auth';
import type { UpdateStationBody } from '@gridline/contracts-party-building';

/** A change to a station: its name, point, address, organisation, hours, contact, functions; or its deactivation. */
export class UpdateStationCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateStationBody,
  ) {}
}
