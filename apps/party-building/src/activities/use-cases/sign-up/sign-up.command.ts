import type { Caller } from '@gridline/auth';

/** A member signs up (their own record), or a keeper signs a member of their units up. */
export class SignUpCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly memberId: string | undefined,
  ) {}
}
