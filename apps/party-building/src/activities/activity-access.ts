import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, PARTY_READERS, hasAnyRole, requireRole, type Caller } from '@gridline/auth';
import { partyInvalid } from '@gridline/contracts-party-building';
import { PartyScope } from '../scope/party-scope';
import type { ActivityEntity } from './activity.entity';
import { memberNotFound, ownMemberNotFound } from '../members/member.errors';
import type { MemberEntity } from '../members/member.entity';
import { MemberRepository } from '../members/member.repository';
import { activityNotFound, notInAudience } from './activity.errors';
import { ActivityRepository } from './activity.repository';
import { admitsAudience, type MemberAudience } from './activity-rules';

/** Who signs up: the member, and whether a keeper acts for them (else it is the member's own record). */
export interface Acting {
  member: MemberEntity;
  byKeeper: boolean;
}

/** Who may act on an activity for which member: once for sign-up, cancel, check-in and the member's own lists. */
@Injectable()
export class ActivityAccess {
  constructor(
    private readonly members: MemberRepository,
    private readonly activities: ActivityRepository,
  ) {}

  /** The caller's own member record (a `party_member` caller, by the token's subject); 404 when none is linked. */
  async self(caller: Caller): Promise<MemberEntity> {
    requireRole(caller, ['party_member'], 'act as a party member');
    const member = await this.members.findByAccount(caller.sub);
    if (!member) throw ownMemberNotFound();
    return member;
  }

  /** The caller's member record when they are a `party_member` with one linked, else null. */
  ownRecord(caller: Caller): Promise<MemberEntity | null> {
    return caller.roles.includes('party_member') ? this.members.findByAccount(caller.sub) : Promise.resolve(null);
  }

  /**
   * The member a sign-up is for. A party member leaves `memberId` out (or names their own record); a keeper names a
   * member of their units (any other answers as not found).
   */
  async acting(caller: Caller, memberId: string | undefined): Promise<Acting> {
    requireRole(caller, [...PARTY_KEEPERS, 'party_member'], 'sign party members up for activities');
    const own = await this.ownRecord(caller);
    if (memberId === undefined || memberId === own?.id) {
      if (own) return { member: own, byKeeper: false };
      if (caller.roles.includes('party_member')) throw ownMemberNotFound();
      throw partyInvalid('memberId', 'is required when a keeper signs a member up');
    }
    if (!hasAnyRole(caller, PARTY_KEEPERS)) throw memberNotFound(memberId);
    const member = await this.members.findById(memberId);
    if (!member || !PartyScope.keeps(caller, member.path)) throw memberNotFound(memberId);
    return { member, byKeeper: true };
  }

  /** A member of the caller's units (a keeper recording attendance for them), or null for any other id. */
  async kept(caller: Caller, memberId: string): Promise<MemberEntity | null> {
    const member = await this.members.findById(memberId);
    return member && PartyScope.keeps(caller, member.path) ? member : null;
  }

  /** What audiences are matched against for the member: where they live, their organisation and those above it. */
  async audienceOf(member: MemberEntity): Promise<MemberAudience> {
    return { units: member.path, organisations: await this.activities.organisationLine(member.organisationId) };
  }

  /** Whether the activity's audience includes the member (`admitsAudience`; the open list filters by the same rule). */
  async admits(activity: ActivityEntity, member: MemberEntity): Promise<boolean> {
    return admitsAudience(activity, await this.audienceOf(member));
  }

  /** Whether the caller may read the activity: a reader of its units, or a party member of its audience or signed up to it. */
  async mayRead(caller: Caller, activity: ActivityEntity): Promise<boolean> {
    if (hasAnyRole(caller, PARTY_READERS) && PartyScope.reads(caller, activity.path)) return true;
    const member = await this.ownRecord(caller);
    return !!member && ((await this.admits(activity, member)) || !!(await this.activities.findSignUp(activity.id, member.id)));
  }

  /**
   * Refuses what `acting` may not do with this activity: a keeper keeps only activities of their units (404 else) and
   * signs up only members of its audience (403); a member's activity outside their audience answers as not found.
   */
  async checkAudience(caller: Caller, activity: ActivityEntity, { member, byKeeper }: Acting): Promise<void> {
    if (byKeeper && !PartyScope.keeps(caller, activity.path)) throw activityNotFound(activity.id);
    if (await this.admits(activity, member)) return;
    throw byKeeper ? notInAudience(activity.id, activity.audience) : activityNotFound(activity.id);
  }
}
