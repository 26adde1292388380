import type { Caller } from '@gridline/auth';

export class GetRegistrationQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
