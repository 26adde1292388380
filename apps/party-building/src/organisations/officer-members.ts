import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { PersonalDataService } from '@gridline/persistence';
import { MemberRepository } from '../members/member.repository';
import { PartyScope } from '../scope/party-scope';

/**
 * The party members behind officers' terms, through the members feature's repository: who may be appointed, and
 * the masked names the officer views show (to a caller who may read the member; null otherwise, or for a member
 * unknown here).
 */
@Injectable()
export class OfficerMembers {
  constructor(
    private readonly members: MemberRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  /**
   * Why the member may not serve in an organisation bound to `unitCode` (null: they may): unknown or outside the
   * caller's scope (not told apart), or a member of no organisation at or beneath that unit.
   */
  async appointmentProblem(caller: Caller, memberId: string, unitCode: string): Promise<{ field: 'memberId'; reason: string } | null> {
    const member = await this.members.findById(memberId);
    if (!member || !PartyScope.reads(caller, member.path)) return { field: 'memberId', reason: 'is not a party member in your scope' };
    if (!member.path.includes(unitCode)) return { field: 'memberId', reason: 'must be a member of the organisation or of one beneath it' };
    return null;
  }

  /** The masked names of the members, by id, as the caller may see them. */
  async maskedNames(caller: Caller, memberIds: Iterable<string>): Promise<Map<string, string | null>> {
    const names = new Map<string, string | null>();
    for (const id of new Set(memberIds)) {
      const member = await this.members.findById(id);
      names.set(id, member && PartyScope.reads(caller, member.path) ? this.personalData.maskedName(member.nameEnc) : null);
    }
    return names;
  }
}
