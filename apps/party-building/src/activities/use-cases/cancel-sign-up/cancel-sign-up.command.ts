import type { Caller } from '@gridline/auth';

/** A sign-up withdrawn before the start, by the member or a keeper. */
export class CancelSignUpCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly memberId: string | undefined,
  ) {}
}
