import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import { PersonalDataService } from '@gridline/persistence';
import { PartyScope } from '../scope/party-scope';
import { MemberEntity } from '../members/member.entity';
import { MemberRepository } from '../members/member.repository';

/** What a registration needs of a party member: who they are, whose account signs in as them, where they belong. */
export interface RegisteredMember {
  id: string;
  /** The token subject of the member's own account (role party_member), if they have one. */
  account: string | null;
  /** The unit path of the member's organisation (street first): the keepers' scope. */
  path: readonly string[];
}

/** The members feature as registrations see it (its repository, the names decrypted only here). */
@Injectable()
export class RegistrationMembers {
  constructor(
    private readonly members: MemberRepository,
    private readonly personalData: PersonalDataService,
    private readonly em: EntityManager,
  ) {}

  byId(id: string): Promise<RegisteredMember | null> {
    return this.members.findById(id);
  }

  /** The member whose own account this token subject is. */
  byAccount(sub: string): Promise<RegisteredMember | null> {
    return this.members.findByAccount(sub);
  }

  /** May the caller (a keeper, not the member) see this member's record? */
  readable(caller: Caller, member: RegisteredMember): boolean {
    return PartyScope.reads(caller, member.path);
  }

  /** The members' names masked as the members feature masks them (王*明), by id. */
  async maskedNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.em.find(MemberEntity, { id: { $in: [...new Set(ids)] } });
    return new Map(found.map((m) => [m.id, this.personalData.maskedName(m.nameEnc)]));
  }

  /** The member's name in clear: for the registry's hand-off only, never for a response to a user. */
  async clearName(id: string): Promise<string | null> {
    const member = await this.members.findById(id);
    return member ? this.personalData.reveal(member.nameEnc) : null;
  }
}
