import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type { CreateMemberRequest, ListMembersQuery, MemberAuditQuery, MemberIdRequest, RevealMemberRequest, UpdateMemberRequest } from './member.dto';
import type { MemberAuditEntryView, MemberView, RevealedMemberView } from './member.types';

/** Members' commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const MEMBER_REQUESTS = {
  createMember: defineRequest<CreateMemberRequest, MemberView>('party-building', 'party-building.member.create'),
  updateMember: defineRequest<UpdateMemberRequest, MemberView>('party-building', 'party-building.member.update'),
  getMember: defineRequest<MemberIdRequest, MemberView>('party-building', 'party-building.member.get'),
  listMembers: defineRequest<ListMembersQuery, OffsetPage<MemberView>>('party-building', 'party-building.member.list'),
  revealMember: defineRequest<RevealMemberRequest, RevealedMemberView>('party-building', 'party-building.member.reveal'),
  listMemberAudit: defineRequest<MemberAuditQuery, OffsetPage<MemberAuditEntryView>>('party-building', 'party-building.member.audit'),
  getOwnMember: defineRequest<Record<string, never>, MemberView>('party-building', 'party-building.member.own'),
} as const;
