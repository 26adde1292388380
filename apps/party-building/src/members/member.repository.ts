import { Injectable } from '@nestjs/common';
import { LockMode, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage, type PageRequest } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type MemberStatus } from '@gridline/contracts-party-building';
import { MemberAuditEntity, MemberEntity } from './member.entity';
import { toMemberEventData } from './member.mapper';

/** The filters of a member list, with the ID number and phone already turned into their keyed hashes. */
export interface MemberFilter {
  organisationId?: string;
  unit?: string;
  status?: MemberStatus;
  idNumberIndex?: string;
  phoneIndex?: string;
}

/**
 * Party members and the audit log of their reveals, read and written in the caller's unit of work. Other features
 * find a member with `findById` and check the scope with `PartyScope.reads/keeps(caller, member.path)`.
 */
@Injectable()
export class MemberRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new member with its `member.created` event, both persisted with the transaction. */
  add(data: RequiredEntityData<MemberEntity>): MemberEntity {
    const member = this.em.create(MemberEntity, data);
    this.em.persist(member);
    this.events.record(PARTY_BUILDING_EVENTS.memberCreated, member.id, toMemberEventData(member, []));
    return member;
  }

  /** Records `member.updated` (or `member.transferred`, with where they came from) for a changed member. */
  changed(member: MemberEntity, fields: string[], from?: { organisationId: string; path: string[] }): void {
    member.updatedAt = new Date();
    const event = from ? PARTY_BUILDING_EVENTS.memberTransferred : PARTY_BUILDING_EVENTS.memberUpdated;
    this.events.record(event, member.id, toMemberEventData(member, fields, from));
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  findById(id: string): Promise<MemberEntity | null> {
    return this.em.findOne(MemberEntity, { id });
  }

  /** The member, locked for the rest of the transaction. */
  lock(id: string): Promise<MemberEntity | null> {
    return this.em.findOne(MemberEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findByIdNumberIndex(idNumberIndex: string): Promise<MemberEntity | null> {
    return this.em.findOne(MemberEntity, { idNumberIndex });
  }

  /** The member linked to a login subject (a token's `sub`). */
  findByAccount(account: string): Promise<MemberEntity | null> {
    return this.em.findOne(MemberEntity, { account });
  }

  /** Members whose organisation is bound within `units` (null: everywhere), by the list's filters. */
  async page(units: string[] | null, filter: MemberFilter, query: PageRequest): Promise<OffsetPage<MemberEntity>> {
    const where: FilterQuery<MemberEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (filter.unit) where.push({ path: { $contains: [filter.unit] } });
    if (filter.organisationId) where.push({ organisationId: filter.organisationId });
    if (filter.status) where.push({ status: filter.status });
    if (filter.idNumberIndex) where.push({ idNumberIndex: filter.idNumberIndex });
    if (filter.phoneIndex) where.push({ phoneIndex: filter.phoneIndex });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(MemberEntity, where.length ? { $and: where } : {}, { orderBy: { joinedOn: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** An entry of the reveal log, stored by the next flush. */
  addAuditEntry(data: RequiredEntityData<MemberAuditEntity>): MemberAuditEntity {
    const entry = this.em.create(MemberAuditEntity, data);
    this.em.persist(entry);
    return entry;
  }

  /** Reveals of members bound within `units` (null: everywhere), newest first. */
  async auditPage(units: string[] | null, query: PageRequest & { memberId?: string; actor?: string }): Promise<OffsetPage<MemberAuditEntity>> {
    const where: FilterQuery<MemberAuditEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.memberId) where.push({ memberId: query.memberId });
    if (query.actor) where.push({ actor: query.actor });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(MemberAuditEntity, where.length ? { $and: where } : {}, { orderBy: { at: 'desc', id: 'desc' }, limit, offset });
    return offsetPage(items, total, query);
  }
}
