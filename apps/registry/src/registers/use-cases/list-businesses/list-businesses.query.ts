import type { Caller } from '@gridline/auth';
import type { RegisterListQuery } from '@gridline/contracts-registry';

export class ListBusinessesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: RegisterListQuery,
  ) {}
}
