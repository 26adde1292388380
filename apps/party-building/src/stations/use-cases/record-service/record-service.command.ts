import type { Caller } from '@gridline/auth';
import type { RecordStationServiceRequest } from '@gridline/contracts-party-building';

/** One service a station gave, under one of its functions. */
export class RecordServiceCommand {
  constructor(
    readonly caller: Caller,
    readonly record: RecordStationServiceRequest,
  ) {}
}
