import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { MemberRepository } from './member.repository';
import { MembersBusController } from './members.bus-controller';
import { CreateMemberUseCase } from './use-cases/create-member/create-member.use-case';
import { GetMemberUseCase } from './use-cases/get-member/get-member.use-case';
import { GetOwnMemberUseCase } from './use-cases/get-own-member/get-own-member.use-case';
import { ListMemberAuditUseCase } from './use-cases/list-member-audit/list-member-audit.use-case';
import { ListMembersUseCase } from './use-cases/list-members/list-members.use-case';
import { RevealMemberUseCase } from './use-cases/reveal-member/reveal-member.use-case';
import { UpdateMemberUseCase } from './use-cases/update-member/update-member.use-case';

/**
 * Party members: name, ID number and phone encrypted and masked like residents', in an organisation whose unit is
 * their scope. Exports its repository: registrations, service records and activities bind to members.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [MembersBusController],
  providers: [MemberRepository, CreateMemberUseCase, UpdateMemberUseCase, GetMemberUseCase, ListMembersUseCase, RevealMemberUseCase, ListMemberAuditUseCase, GetOwnMemberUseCase],
  exports: [MemberRepository],
})
export class MembersModule {}
