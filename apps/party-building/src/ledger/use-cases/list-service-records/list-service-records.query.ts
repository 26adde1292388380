import type { Caller } from '@gridline/auth';
import type { ListServiceRecordsQuery as ListServiceRecordsRequest } from '@gridline/contracts-party-building';

export class ListServiceRecordsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListServiceRecordsRequest,
  ) {}
}
