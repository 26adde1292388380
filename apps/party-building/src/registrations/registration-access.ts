import { Injectable } from '@nestjs/common';
import { hasAnyRole, type Caller } from '@gridline/auth';
import { PartyScope } from '../scope/party-scope';
import type { RegistrationEntity } from './registration.entity';
import { RegistrationMembers } from './registration-members';

/**
 * Who may see and act on a registration, once for every use case: the party's readers and keepers by the grid's path
 * (PartyScope), the member by their own record (the token's subject is the member's account).
 */
@Injectable()
export class RegistrationAccess {
  constructor(private readonly members: RegistrationMembers) {}

  /** Is the caller the registration's member, signed in as themself? */
  async isOwn(caller: Caller, registration: Pick<RegistrationEntity, 'memberId'>): Promise<boolean> {
    if (!hasAnyRole(caller, ['party_member'])) return false;
    return (await this.members.byAccount(caller.sub))?.id === registration.memberId;
  }

  async reads(caller: Caller, registration: RegistrationEntity): Promise<boolean> {
    return PartyScope.reads(caller, registration.path) || (await this.isOwn(caller, registration));
  }

  /** May end it: a keeper of the grid, or the member leaving. */
  async ends(caller: Caller, registration: RegistrationEntity): Promise<boolean> {
    return PartyScope.keeps(caller, registration.path) || (await this.isOwn(caller, registration));
  }
}
