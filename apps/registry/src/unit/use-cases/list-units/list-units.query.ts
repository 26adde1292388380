import type { Caller } from '@gridline/auth';
import type { ListUnitsQuery as ListUnitsFilter } from '@gridline/contracts-registry';

export class ListUnitsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: ListUnitsFilter,
  ) {}
}
