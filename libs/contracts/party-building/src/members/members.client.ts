import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { MEMBER_REQUESTS } from './member.requests';
import type { CreateMemberRequest, ListMembersQuery, MemberAuditQuery, RevealMemberBody, UpdateMemberBody } from './member.dto';
import type { MemberAuditEntryView, MemberView, RevealedMemberView } from './member.types';

/** Party members, typed. */
@Injectable()
export class MembersClient {
  constructor(private readonly bus: BusRequester) {}

  create(caller: Caller, member: CreateMemberRequest): Promise<MemberView> {
    return this.bus.request(MEMBER_REQUESTS.createMember, member, { caller });
  }

  update(caller: Caller, id: string, changes: UpdateMemberBody): Promise<MemberView> {
    return this.bus.request(MEMBER_REQUESTS.updateMember, { id, changes }, { caller });
  }

  get(caller: Caller, id: string): Promise<MemberView> {
    return this.bus.request(MEMBER_REQUESTS.getMember, { id }, { caller });
  }

  list(caller: Caller, query: ListMembersQuery): Promise<OffsetPage<MemberView>> {
    return this.bus.request(MEMBER_REQUESTS.listMembers, query, { caller });
  }

  reveal(caller: Caller, id: string, body: RevealMemberBody): Promise<RevealedMemberView> {
    return this.bus.request(MEMBER_REQUESTS.revealMember, { ...body, id }, { caller });
  }

  audit(caller: Caller, query: MemberAuditQuery): Promise<OffsetPage<MemberAuditEntryView>> {
    return this.bus.request(MEMBER_REQUESTS.listMemberAudit, query, { caller });
  }

  /** The caller's own member record (a `party_member`, by the token's subject). */
  own(caller: Caller): Promise<MemberView> {
    return this.bus.request(MEMBER_REQUESTS.getOwnMember, {}, { caller });
  }
}
