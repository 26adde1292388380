import type { Caller } from '@gridline/auth';
import type { MemberRevealableField } from '@gridline/contracts-party-building';

export class RevealMemberCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly fields: MemberRevealableField[],
    readonly reason: string,
  ) {}
}
