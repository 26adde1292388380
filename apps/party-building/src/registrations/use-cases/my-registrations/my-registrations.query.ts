import type { Caller } from '@gridline/auth';
import type { MyRegistrationsQuery as MyRegistrationsRequest } from '@gridline/contracts-party-building';

export class MyRegistrationsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: MyRegistrationsRequest,
  ) {}
}
