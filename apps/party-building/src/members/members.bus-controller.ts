import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { CreateMemberRequest, ListMembersQuery as ListMembersRequest, MemberAuditQuery, MemberIdRequest, PARTY_BUILDING_REQUESTS, RevealMemberRequest, UpdateMemberRequest } from '@gridline/contracts-party-building';
import { CreateMemberCommand } from './use-cases/create-member/create-member.command';
import { CreateMemberUseCase } from './use-cases/create-member/create-member.use-case';
import { GetMemberQuery } from './use-cases/get-member/get-member.query';
import { GetMemberUseCase } from './use-cases/get-member/get-member.use-case';
import { GetOwnMemberQuery } from './use-cases/get-own-member/get-own-member.query';
import { GetOwnMemberUseCase } from './use-cases/get-own-member/get-own-member.use-case';
import { ListMemberAuditQuery } from './use-cases/list-member-audit/list-member-audit.query';
import { ListMemberAuditUseCase } from './use-cases/list-member-audit/list-member-audit.use-case';
import { ListMembersQuery } from './use-cases/list-members/list-members.query';
import { ListMembersUseCase } from './use-cases/list-members/list-members.use-case';
import { RevealMemberCommand } from './use-cases/reveal-member/reveal-member.command';
import { RevealMemberUseCase } from './use-cases/reveal-member/reveal-member.use-case';
import { UpdateMemberCommand } from './use-cases/update-member/update-member.command';
import { UpdateMemberUseCase } from './use-cases/update-member/update-member.use-case';

/** Party members on the bus. */
@Controller()
export class MembersBusController {
  constructor(
    private readonly createMember: CreateMemberUseCase,
    private readonly updateMember: UpdateMemberUseCase,
    private readonly getMember: GetMemberUseCase,
    private readonly listMembers: ListMembersUseCase,
    private readonly revealMember: RevealMemberUseCase,
    private readonly listMemberAudit: ListMemberAuditUseCase,
    private readonly getOwnMember: GetOwnMemberUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.createMember.pattern)
  @Idempotent()
  create(@Payload() request: CreateMemberRequest, @BusCaller() caller: Caller) {
    return this.createMember.execute(new CreateMemberCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.updateMember.pattern)
  update(@Payload() { id, changes }: UpdateMemberRequest, @BusCaller() caller: Caller) {
    return this.updateMember.execute(new UpdateMemberCommand(caller, id, changes));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getMember.pattern)
  get(@Payload() { id }: MemberIdRequest, @BusCaller() caller: Caller) {
    return this.getMember.execute(new GetMemberQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listMembers.pattern)
  list(@Payload() query: ListMembersRequest, @BusCaller() caller: Caller) {
    return this.listMembers.execute(new ListMembersQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.revealMember.pattern)
  reveal(@Payload() { id, fields, reason }: RevealMemberRequest, @BusCaller() caller: Caller) {
    return this.revealMember.execute(new RevealMemberCommand(caller, id, fields, reason));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listMemberAudit.pattern)
  audit(@Payload() query: MemberAuditQuery, @BusCaller() caller: Caller) {
    return this.listMemberAudit.execute(new ListMemberAuditQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getOwnMember.pattern)
  own(@BusCaller() caller: Caller) {
    return this.getOwnMember.execute(new GetOwnMemberQuery(caller));
  }
}
