import type { Caller } from '@gridline/auth';

export class ListMeetingsQuery {
  constructor(
    readonly caller: Caller,
    readonly committeeId: string,
  ) {}
}
